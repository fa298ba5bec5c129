//! Which offices a report covers, and who may ask for it. One function,
//! [`resolve`], turns a scope into its offices after the permission check:
//! - an administrator and the head office see every office (`all=true` included);
//! - a region head sees the offices of their regions, and those regions whole;
//! - an office head sees only their own offices;
//! - agents and devices get no reports.
//!
//! A person's `offices` are already widened to every office they oversee when they
//! sign in to a request (`Queues::with_overseen_offices`).

use crate::queues::Queues;
use crate::store::StoreError;
use talon_protocol::api::{Role, User};
pub use talon_protocol::report::ReportScope;
use talon_protocol::{OfficeId, RegionId};

/// The offices of a scope, and the region's name when it is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub offices: Vec<OfficeId>,
    pub region: Option<String>,
}

/// Why a scope cannot be reported on.
#[derive(Debug, thiserror::Error)]
pub enum ScopeError {
    #[error("office {0} does not exist")]
    NoOffice(OfficeId),
    #[error("region {0} does not exist")]
    NoRegion(RegionId),
    #[error("{0}")]
    Forbidden(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The offices of `scope` that `user` may see, in id order; refused when `user` may not
/// see all of them.
pub async fn resolve(
    queues: &Queues,
    user: &User,
    scope: ReportScope,
) -> Result<Resolved, ScopeError> {
    if !user.role.oversees() {
        return Err(ScopeError::Forbidden(format!(
            "reports are for office and region heads, the head office and administrators; \
             you are {}",
            user.role.as_str()
        )));
    }
    let everything = user.role.sees_all();
    let (mut offices, region) = match scope {
        ReportScope::Office(office) => {
            queues
                .office(office)
                .map_err(|_| ScopeError::NoOffice(office))?;
            if !everything && !user.offices.contains(&office) {
                return Err(ScopeError::Forbidden(format!(
                    "office {office} is not one of yours"
                )));
            }
            (vec![office], None)
        }
        ReportScope::Region(id) => {
            let region = queues
                .store()
                .region(id)
                .await?
                .ok_or(ScopeError::NoRegion(id))?;
            let theirs = user.role == Role::RegionHead && user.regions.contains(&id);
            if !(everything || theirs) {
                return Err(ScopeError::Forbidden(format!(
                    "region {id} is not one of yours"
                )));
            }
            (queues.offices_in_regions(&[id]).await, Some(region.name))
        }
        ReportScope::All if everything => (queues.office_ids(), None),
        ReportScope::All => {
            return Err(ScopeError::Forbidden(
                "a report on every office is for the head office and administrators; ask \
                 for your office or region"
                    .into(),
            ));
        }
    };
    offices.sort();
    Ok(Resolved { offices, region })
}

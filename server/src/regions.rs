//! Which offices a person oversees beyond the ones they work in: a region head every
//! office of their regions, the head office every office. Worked
//! out from the offices as this node holds them, at each request, so an office moved to
//! another region is seen by its new region head at once.

use crate::queues::Queues;
use talon_protocol::api::{Role, User};
use talon_protocol::{OfficeId, RegionId};

impl Queues {
    /// The offices that belong to any of `regions`, in id order.
    pub async fn offices_in_regions(&self, regions: &[RegionId]) -> Vec<OfficeId> {
        let mut found = Vec::new();
        for id in self.office_ids() {
            let Ok(queue) = self.office(id) else { continue };
            let region = queue.lock().await.office.region_id;
            if region.is_some_and(|r| regions.contains(&r)) {
                found.push(id);
            }
        }
        found
    }

    /// `user` with `offices` widened to every office they oversee.
    pub async fn with_overseen_offices(&self, mut user: User) -> User {
        let more = match user.role {
            Role::HeadOffice => self.office_ids(),
            Role::RegionHead => self.offices_in_regions(&user.regions).await,
            // An administrator passes every check without a list of offices.
            Role::Agent | Role::Head | Role::Admin => return user,
        };
        user.offices.extend(more);
        user.offices.sort();
        user.offices.dedup();
        user
    }
}

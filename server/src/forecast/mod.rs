//! Keeping offices inside the norms before they break: predicted waits with a range
//! (the office's own dispatch rule run forward), and the staffing advisor's queueing
//! arithmetic (Erlang C).

pub mod advisor;
pub mod calibration;
pub mod demand;
pub mod erlang;
pub mod forward;
pub mod live;
pub mod plan;
pub mod what_if;

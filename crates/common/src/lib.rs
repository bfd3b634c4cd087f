//! Small building blocks shared by every Neargate crate.

pub mod arn;
pub mod clock;
pub mod error;
pub mod identity;
pub mod ids;
pub mod secret;
pub mod time;

pub use arn::Arn;
pub use clock::{Clock, ManualClock, SharedClock, ShiftedClock, SystemClock};
pub use error::{AwsError, Common};
pub use identity::{Principal, PrincipalKind, SessionInfo, SessionIssuer};
pub use secret::Secret;
pub use time::Timestamp;

//! IAM's records and their tables: what each identity and policy keeps in the store, with the
//! reads that belong to the record itself. The rules that change them live beside their
//! operations and use these; nothing here depends on a rule.

mod error;
mod policies;
mod principals;

pub use error::IamError;
pub(crate) use policies::{AWS_OWNER, MANAGED, USER_POLICIES, USES, use_key, uses};
pub use policies::{Holder, InlinePolicy, ManagedPolicy, PolicyVersion};
pub(crate) use principals::StoredSecret;
pub(crate) use principals::{
    ACCESS_KEYS, ADMINISTRATOR_ACCESS, ROLES, USER_KEYS, USERS, keys_prefix, role_key, user_key,
    user_key_entry,
};
pub use principals::{AccessKey, KeyStatus, Role, User};

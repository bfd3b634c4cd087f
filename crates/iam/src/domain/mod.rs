//! Identity rules, free of wire types.

pub(crate) mod accounts;
pub(crate) mod boundaries;
pub(crate) mod credentials;
pub(crate) mod groups;
pub(crate) mod inline;
pub(crate) mod managed;
pub(crate) mod roles;
pub(crate) mod tags;
pub(crate) mod users;

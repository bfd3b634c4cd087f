//! The IAM policy language as AWS defines it: documents are parsed into types, validated with
//! IAM's messages, and evaluated with AWS's logic (explicit deny first, then service control
//! policies, resource and identity policies, permissions boundaries and session policies).

mod condition;
mod context;
mod evaluate;
mod model;
mod parse;
mod pattern;

pub use context::Context;
pub use evaluate::{
    Decision, DenyReason, PolicyKind, PolicySet, Request, RequestPrincipal, evaluate,
};
pub use model::{
    Condition, Effect, Names, OpKind, Operator, Policy, Principals, SetOp, Statement, Version,
};
pub use parse::{PolicyError, PolicyUse, parse};

//! Fuzzes parsing a policy document under every use, then evaluating it.

#![no_main]

use libfuzzer_sys::fuzz_target;
use neargate_policy::{Context, PolicySet, PolicyUse, Request, RequestPrincipal, evaluate, parse};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut ctx = Context::new();
    ctx.set("aws:username", "alice").set("aws:SourceIp", "10.0.0.1").set("k", "a*b");
    ctx.set_all("aws:TagKeys", vec!["team".into(), "env".into()]);
    let principal = RequestPrincipal { arn: "arn:aws:iam::111122223333:user/alice", account: "111122223333", service: None };
    let request = Request { principal, action: "kms:Encrypt", resource: "arn:aws:kms:us-east-1:111122223333:key/k", context: &ctx };
    for usage in [PolicyUse::Identity, PolicyUse::Resource, PolicyUse::Trust, PolicyUse::ControlPolicy] {
        if let Ok(policy) = parse(text, usage) {
            let set = match usage {
                PolicyUse::Resource | PolicyUse::Trust => PolicySet { resource: Some(&policy), resource_required: true, ..PolicySet::default() },
                PolicyUse::ControlPolicy => PolicySet { control: vec![&policy], ..PolicySet::default() },
                PolicyUse::Identity => PolicySet { identity: vec![&policy], ..PolicySet::default() },
            };
            let _ = evaluate(&set, &request);
        }
    }
});

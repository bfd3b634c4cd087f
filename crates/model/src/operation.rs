//! One unit per operation: a service implements [`Handler`] for each operation it serves (its
//! authorization, from the typed input, and its handler), and the generated `dispatch` of its
//! model runs every call the same way: decode → declare access → authorize → dry run → handle
//! → encode. A service that leaves an operation without a handler does not compile.

use std::sync::Arc;

use neargate_common::{AwsError, Common};
use neargate_policy::Policy;
use serde::Deserialize as _;
use serde_json::{Map, Value};

use crate::Op;

/// A condition key and its values.
pub type ConditionKey = (String, Vec<String>);

/// A resource a call acts on, as (type, ARN): an entry of CloudTrail's `resources`.
pub type Resource = (String, String);

/// Condition keys that cost a read to know (a resource's tags), read only when a policy that
/// applies could test them.
pub type Deferred<'a> = Box<dyn Fn() -> Result<Vec<ConditionKey>, AwsError> + 'a>;

/// A check beyond policies, asked with the ARNs the caller goes by.
pub type AlsoAllowed<'a> = Box<dyn Fn(&[&str]) -> bool + 'a>;

/// One authorization question of a call: an action on a resource, with the request's own
/// condition keys (the pipeline adds the global ones), under the resource's policy if it has one.
pub struct Question<'a> {
    /// The action, e.g. `kms:Encrypt`.
    pub action: String,
    /// The resource's ARN, or `*`.
    pub resource: String,
    /// The resource's policy (a key policy, a trust policy).
    pub policy: Option<Arc<Policy>>,
    /// Whether that policy must allow (directly or by trusting the account).
    pub policy_required: bool,
    /// The operation's condition keys.
    pub context: Vec<ConditionKey>,
    /// What may allow the call where no policy does (a KMS grant), asked with the ARNs the
    /// caller goes by; an explicit deny still wins.
    pub also_allowed: Option<AlsoAllowed<'a>>,
    /// More condition keys, read only if a policy that applies can read the context.
    pub deferred: Option<Deferred<'a>>,
}

impl std::fmt::Debug for Question<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Question")
            .field("action", &self.action)
            .field("resource", &self.resource)
            .field("policy_required", &self.policy_required)
            .field("context", &self.context)
            .finish_non_exhaustive()
    }
}

impl Question<'_> {
    /// `action` on `resource`, decided by identity policies alone.
    pub fn plain(action: impl Into<String>, resource: impl Into<String>) -> Self {
        Self {
            action: action.into(),
            resource: resource.into(),
            policy: None,
            policy_required: false,
            context: Vec::new(),
            also_allowed: None,
            deferred: None,
        }
    }

    /// The question with the condition keys `context` added.
    pub fn with_context(mut self, context: Vec<ConditionKey>) -> Self {
        self.context.extend(context);
        self
    }
}

/// The authorization a call needs, declared by its operation from the typed input.
#[derive(Debug, Default)]
pub struct Access<'a> {
    /// Every question must be allowed.
    pub questions: Vec<Question<'a>>,
    /// The resources the call acts on, as (type, ARN): CloudTrail's `resources`.
    pub resources: Vec<Resource>,
}

impl<'a> Access<'a> {
    /// One question.
    pub fn one(question: Question<'a>) -> Self {
        Self {
            questions: vec![question],
            resources: Vec::new(),
        }
    }

    /// Nothing to ask: the call is allowed whatever the policies say (as
    /// `GetCallerIdentity` is on AWS).
    pub fn always() -> Self {
        Self::default()
    }
}

/// How the pipeline authorizes a call's declared access: the error AWS answers if denied.
pub type Authorize<'f> = dyn FnMut(&Access<'_>) -> Result<(), AwsError> + 'f;

/// The operation `O` of a service, for callers of type `C`.
pub trait Handler<O: Op, C: ?Sized> {
    /// The authorization the call needs: its actions, resources and condition keys.
    fn access(&self, caller: &C, input: &O::Input) -> Result<Access<'_>, AwsError>;

    /// Runs the call, once authorized.
    fn handle(&self, caller: &C, input: O::Input) -> Result<O::Output, AwsError>;

    /// CloudTrail's `responseElements` for the call, which acted on `resources`: by default
    /// [`recorded`].
    fn response_elements(&self, output: &O::Output, resources: &[Resource]) -> Option<Value> {
        let _ = resources;
        recorded::<O>(output)
    }
}

/// What the trail records of an output by default: for calls that change state and answer
/// something, the output with the members the model marks sensitive left out; nothing for calls
/// that only read.
pub fn recorded<O: Op>(output: &O::Output) -> Option<Value> {
    if O::READ_ONLY {
        return None;
    }
    let mut value = serde_json::to_value(output).ok()?;
    if value.as_object().is_some_and(Map::is_empty) {
        return None;
    }
    let (model, operation) = O::operation();
    if let Some(shape) = operation.output {
        crate::redact::sensitive(model, shape, &mut value);
    }
    Some(value)
}

/// What a typed call answered: its output, and what the trail records of it.
#[derive(Debug)]
pub struct Answered<T> {
    /// The output.
    pub output: T,
    /// CloudTrail's `responseElements`.
    pub response_elements: Option<Value>,
    /// CloudTrail's `resources`.
    pub resources: Vec<Resource>,
}

/// An output for the wire, written straight from the typed output: JSON text (JSON
/// protocol), or the children of `<{Operation}Result>` (query protocol).
#[derive(Debug)]
pub enum WireOutput {
    /// The JSON text.
    Json(Vec<u8>),
    /// The XML text.
    Xml(String),
}

impl WireOutput {
    /// The output as a value (its JSON text read back; XML as a string), for callers that
    /// inspect it.
    pub fn into_value(self) -> Value {
        match self {
            Self::Json(text) => serde_json::from_slice(&text).unwrap_or(Value::Null),
            Self::Xml(text) => Value::String(text),
        }
    }
}

/// What a call answered on the wire: its output, and what the trail records of it.
pub type Answer = Answered<WireOutput>;

/// A call that failed, with the resources its access named (the trail records them too).
#[derive(Debug)]
pub struct Failure {
    /// The error.
    pub error: AwsError,
    /// CloudTrail's `resources`.
    pub resources: Vec<Resource>,
}

impl From<AwsError> for Failure {
    fn from(error: AwsError) -> Self {
        Self {
            error,
            resources: Vec::new(),
        }
    }
}

/// Runs one typed call of `O`: asks the operation for its access, has `authorize` decide,
/// stops a `dry_run`, then handles. The output stays typed: what the model marks sensitive
/// (a data key's plaintext) never becomes JSON here.
pub fn run_typed<O, S, C>(
    service: &S,
    caller: &C,
    input: O::Input,
    dry_run: bool,
    authorize: &mut Authorize<'_>,
) -> Result<Answered<O::Output>, Failure>
where
    O: Op,
    S: Handler<O, C> + ?Sized,
    C: ?Sized,
{
    let mut access = service.access(caller, &input)?;
    let resources = std::mem::take(&mut access.resources);
    let fail = |error| Failure {
        error,
        resources: resources.clone(),
    };
    authorize(&access).map_err(fail)?;
    drop(access);
    if dry_run {
        return Err(fail(Common::DryRunOperationException.with(
            "The request would have succeeded, but the DryRun parameter was set.",
        )));
    }
    let output = service.handle(caller, input).map_err(fail)?;
    Ok(Answered {
        response_elements: service.response_elements(&output, &resources),
        output,
        resources,
    })
}

/// Runs one call of `O` from the wire: decodes `input` (already validated against the model),
/// runs it (a dry run where the operation takes `DryRun` and the request sets it) and encodes
/// the output.
pub fn run<O, S, C>(
    service: &S,
    caller: &C,
    input: &Map<String, Value>,
    authorize: &mut Authorize<'_>,
) -> Result<Answer, Failure>
where
    O: Op,
    S: Handler<O, C> + ?Sized,
    C: ?Sized,
{
    let dry_run = O::operation().1.dry_run && input.get("DryRun") == Some(&Value::Bool(true));
    // Read from the borrowed members: the trail keeps the request's own.
    let typed = O::Input::deserialize(input).map_err(|e| {
        Common::SerializationException.with(format!(
            "The request could not be read as {} input ({e}).",
            O::NAME
        ))
    })?;
    let answered = run_typed::<O, S, C>(service, caller, typed, dry_run, authorize)?;
    let (model, operation) = O::operation();
    let encoded = match (model.json, operation.output) {
        (true, _) => serde_json::to_vec(&answered.output)
            .map(WireOutput::Json)
            .map_err(|e| e.to_string()),
        (false, Some(shape)) => crate::xml::to_xml(model, shape, &answered.output)
            .map(WireOutput::Xml)
            .map_err(|e| e.to_string()),
        (false, None) => Ok(WireOutput::Xml(String::new())),
    };
    let output = encoded.map_err(|e| {
        tracing::error!(operation = O::NAME, error = %e, "an output could not be encoded");
        Failure {
            error: AwsError::internal("InternalFailure"),
            resources: answered.resources.clone(),
        }
    })?;
    Ok(Answer {
        output,
        response_elements: answered.response_elements,
        resources: answered.resources,
    })
}

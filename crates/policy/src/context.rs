//! The request context: condition keys and their values (keys compared without case).

use std::borrow::Cow;

/// The values of condition keys for one request. A request has a few dozen keys at most, so
/// they are kept in a list and found by a case-insensitive scan, without allocating.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    values: Vec<(Cow<'static, str>, Vec<String>)>,
}

impl Context {
    /// An empty context.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `key` to the single `value`.
    pub fn set(&mut self, key: &str, value: impl Into<String>) -> &mut Self {
        self.set_all(key, vec![value.into()])
    }

    /// Sets the multi-valued `key` (such as `aws:TagKeys`).
    pub fn set_all(&mut self, key: &str, values: Vec<String>) -> &mut Self {
        match self
            .values
            .iter_mut()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
        {
            Some(entry) => entry.1 = values,
            None => self.values.push((Cow::Owned(key.to_owned()), values)),
        }
        self
    }

    /// Adds `key`, which must not be set yet, with the single `value`: the fast way to fill a
    /// fresh context with keys named by constants.
    pub fn add(&mut self, key: &'static str, value: impl Into<String>) -> &mut Self {
        debug_assert!(self.get(key).is_none(), "{key} is already set");
        self.values.push((Cow::Borrowed(key), vec![value.into()]));
        self
    }

    /// An empty context with room for `n` keys.
    pub fn with_capacity(n: usize) -> Self {
        Self {
            values: Vec::with_capacity(n),
        }
    }

    /// The values of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&[String]> {
        self.values
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_slice())
    }

    /// The value of a single-valued `key`.
    pub(crate) fn single(&self, key: &str) -> Option<&str> {
        match self.get(key)? {
            [one] => Some(one),
            _ => None,
        }
    }
}

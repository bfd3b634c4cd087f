//! Patterns with `*` and `?` wildcards, policy variables (`${aws:username}`), and ARN matching
//! segment by segment.

use crate::context::Context;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    Literal(char),
    /// `*`: any run of characters.
    Any,
    /// `?`: any one character.
    One,
}

/// A compiled pattern. Text a variable stands for is always literal, so `${*}` or a user name
/// containing `*` matches that character only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pattern(Vec<Token>);

impl Pattern {
    /// Compiles `text`. `wildcards` makes `*` and `?` wildcards; with `variables`, `${key}` and
    /// `${key, 'default'}` are replaced from it. `None` when a variable has no value.
    pub(crate) fn compile(
        text: &str,
        wildcards: bool,
        variables: Option<&Context>,
    ) -> Option<Self> {
        let mut tokens = Vec::with_capacity(text.len());
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            if let (Some(ctx), Some(after)) = (variables, rest.strip_prefix("${"))
                && let Some(end) = after.find('}')
            {
                tokens.extend(substitute(&after[..end], ctx)?.chars().map(Token::Literal));
                rest = &after[end + 1..];
                continue;
            }
            tokens.push(match c {
                '*' if wildcards => Token::Any,
                '?' if wildcards => Token::One,
                c => Token::Literal(c),
            });
            rest = &rest[c.len_utf8()..];
        }
        Some(Self(tokens))
    }

    /// Whether the pattern matches all of `text`.
    pub(crate) fn matches(&self, text: &str, ignore_case: bool) -> bool {
        let text: Vec<char> = text.chars().collect();
        let eq = |a: char, b: char| {
            if ignore_case {
                a.to_lowercase().eq(b.to_lowercase())
            } else {
                a == b
            }
        };
        let (mut p, mut t) = (0, 0);
        // The position after the last `*` and the text position it was tried at.
        let mut backtrack: Option<(usize, usize)> = None;
        while t < text.len() {
            match self.0.get(p) {
                Some(Token::Any) => {
                    backtrack = Some((p + 1, t));
                    p += 1;
                }
                Some(Token::One) => {
                    p += 1;
                    t += 1;
                }
                Some(Token::Literal(c)) if eq(*c, text[t]) => {
                    p += 1;
                    t += 1;
                }
                _ => match backtrack {
                    Some((after_star, tried)) => {
                        p = after_star;
                        t = tried + 1;
                        backtrack = Some((after_star, tried + 1));
                    }
                    None => return false,
                },
            }
        }
        self.0[p..].iter().all(|t| *t == Token::Any)
    }
}

/// Whether `pattern` matches all of `text`: the common cases (no variables, ASCII text) without
/// allocating, the rest through a compiled [`Pattern`].
pub(crate) fn matches(
    pattern: &str,
    text: &str,
    wildcards: bool,
    ignore_case: bool,
    variables: Option<&Context>,
) -> bool {
    let has_variables = variables.is_some() && pattern.contains("${");
    let has_wildcards = wildcards && pattern.contains(['*', '?']);
    if !has_variables && !has_wildcards {
        return match (ignore_case, pattern.is_ascii() && text.is_ascii()) {
            (false, _) => pattern == text,
            (true, true) => pattern.eq_ignore_ascii_case(text),
            (true, false) => pattern.to_lowercase() == text.to_lowercase(),
        };
    }
    if !has_variables && pattern.is_ascii() && text.is_ascii() {
        return wildcard_bytes(pattern.as_bytes(), text.as_bytes(), ignore_case);
    }
    Pattern::compile(pattern, wildcards, variables).is_some_and(|p| p.matches(text, ignore_case))
}

/// Wildcard matching over ASCII bytes, with the same backtracking as [`Pattern::matches`].
fn wildcard_bytes(pattern: &[u8], text: &[u8], ignore_case: bool) -> bool {
    let eq = |a: u8, b: u8| {
        if ignore_case {
            a.eq_ignore_ascii_case(&b)
        } else {
            a == b
        }
    };
    let (mut p, mut t) = (0, 0);
    let mut backtrack: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some(b'*') => {
                backtrack = Some((p + 1, t));
                p += 1;
            }
            Some(b'?') => {
                p += 1;
                t += 1;
            }
            Some(&c) if eq(c, text[t]) => {
                p += 1;
                t += 1;
            }
            _ => match backtrack {
                Some((after_star, tried)) => {
                    p = after_star;
                    t = tried + 1;
                    backtrack = Some((after_star, tried + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&b| b == b'*')
}

/// The text a variable stands for.
fn substitute(inner: &str, ctx: &Context) -> Option<String> {
    let (key, default) = match inner.split_once(',') {
        Some((key, default)) => {
            let default = default.trim();
            let default = default
                .strip_prefix('\'')
                .and_then(|d| d.strip_suffix('\''))?;
            (key.trim(), Some(default))
        }
        None => (inner.trim(), None),
    };
    match key {
        "*" | "?" | "$" => Some(key.to_owned()),
        _ => ctx
            .single(key)
            .map(str::to_owned)
            .or_else(|| default.map(str::to_owned)),
    }
}

/// Whether `pattern` (wildcards, and variables if given) matches `value`. Two ARNs are compared
/// segment by segment, so a wildcard never spans a `:` between segments.
pub(crate) fn arn_matches(pattern: &str, value: &str, variables: Option<&Context>) -> bool {
    if pattern == "*" {
        return true;
    }
    if !pattern.starts_with("arn:") {
        return matches(pattern, value, true, false, variables);
    }
    let mut patterns = pattern.splitn(6, ':');
    let mut values = value.splitn(6, ':');
    (0..6).all(|_| match (patterns.next(), values.next()) {
        (Some(p), Some(v)) => matches(p, v, true, false, variables),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// A direct recursive definition of wildcard matching, as the oracle.
    fn oracle(p: &[char], t: &[char]) -> bool {
        match p.split_first() {
            None => t.is_empty(),
            Some(('*', rest)) => (0..=t.len()).any(|i| oracle(rest, &t[i..])),
            Some(('?', rest)) => !t.is_empty() && oracle(rest, &t[1..]),
            Some((c, rest)) => t.first() == Some(c) && oracle(rest, &t[1..]),
        }
    }

    proptest! {
        #[test]
        fn agrees_with_the_oracle(p in "[ab*?é]{0,8}", t in "[abé]{0,10}") {
            let chars = |s: &str| s.chars().collect::<Vec<_>>();
            let expected = oracle(&chars(&p), &chars(&t));
            let compiled = Pattern::compile(&p, true, None).unwrap();
            prop_assert_eq!(compiled.matches(&t, false), expected);
            prop_assert_eq!(matches(&p, &t, true, false, None), expected, "the fast path agrees");
        }
    }

    #[test]
    fn variables_are_literal() {
        let mut ctx = Context::new();
        ctx.set("aws:username", "a*b");
        let p = Pattern::compile("home/${aws:username}/*", true, Some(&ctx)).unwrap();
        assert!(p.matches("home/a*b/x", false));
        assert!(
            !p.matches("home/aXb/x", false),
            "the user's * is not a wildcard"
        );
        assert!(
            Pattern::compile("${*}", true, Some(&ctx))
                .unwrap()
                .matches("*", false)
        );
        assert!(
            !Pattern::compile("${*}", true, Some(&ctx))
                .unwrap()
                .matches("x", false)
        );
        assert!(Pattern::compile("${aws:missing}", true, Some(&ctx)).is_none());
        let with_default = Pattern::compile("${aws:missing, 'none'}", true, Some(&ctx)).unwrap();
        assert!(with_default.matches("none", false));
        assert!(
            Pattern::compile("${aws:username}", true, None)
                .unwrap()
                .matches("${aws:username}", false)
        );
    }

    #[test]
    fn arns_match_by_segment() {
        assert!(arn_matches(
            "arn:aws:kms:*:111122223333:key/*",
            "arn:aws:kms:us-east-1:111122223333:key/k1",
            None
        ));
        assert!(!arn_matches(
            "arn:aws:kms:*:111122223333:key/*",
            "arn:aws:kms:us-east-1:999999999999:key/k1",
            None
        ));
        assert!(
            !arn_matches(
                "arn:aws:kms:*",
                "arn:aws:kms:us-east-1:111122223333:key/k1",
                None
            ),
            "no spanning"
        );
        assert!(
            arn_matches("arn:aws:iam::*:role/a:b*", "arn:aws:iam::1:role/a:bc", None),
            "colons in the resource"
        );
        assert!(arn_matches("*", "anything", None));
    }
}

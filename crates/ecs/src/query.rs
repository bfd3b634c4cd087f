//! The cluster query language of `memberOf` placement constraints and
//! `ListContainerInstances` filters: `attribute:ecs.instance-type == t2.micro`,
//! `attribute:zone in [a, b] and not(task:group == db)`, `ec2InstanceId =~ i-0*`,
//! `runningTasksCount < 3`, `registeredAt >= 2026-01-01`.

use std::collections::BTreeMap;

/// What an expression is evaluated against: one container instance.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Subject<'a> {
    /// Its attributes (`name` → value; attributes without a value map to `None`).
    pub(crate) attributes: &'a BTreeMap<String, Option<String>>,
    pub(crate) ec2_instance_id: &'a str,
    pub(crate) agent_connected: bool,
    pub(crate) agent_version: &'a str,
    /// `registeredAt` in ISO 8601.
    pub(crate) registered_at: &'a str,
    pub(crate) running_tasks: usize,
    /// The groups of the tasks placed on it.
    pub(crate) task_groups: &'a [&'a str],
}

/// A parsed expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Expr {
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    Term {
        field: Field,
        op: Op,
        values: Vec<String>,
    },
}

/// What a term looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Field {
    Attribute(String),
    Ec2InstanceId,
    AgentConnected,
    AgentVersion,
    RegisteredAt,
    RunningTasksCount,
    TaskGroup,
}

/// A comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Equals,
    NotEquals,
    Exists,
    NotExists,
    In,
    NotIn,
    Matches,
    NotMatches,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

impl Op {
    fn named(word: &str) -> Option<Self> {
        Some(match word {
            "==" | "equals" => Self::Equals,
            "!=" | "not_equals" => Self::NotEquals,
            "exists" => Self::Exists,
            "!exists" | "not_exists" => Self::NotExists,
            "in" => Self::In,
            "not_in" => Self::NotIn,
            "=~" | "matches" => Self::Matches,
            "!~" | "not_matches" => Self::NotMatches,
            "<" => Self::Less,
            "<=" => Self::LessOrEqual,
            ">" => Self::Greater,
            ">=" => Self::GreaterOrEqual,
            _ => return None,
        })
    }
}

/// Parses `text`; the error says what is wrong.
pub(crate) fn parse(text: &str) -> Result<Expr, String> {
    let tokens = tokenize(text);
    if tokens.is_empty() {
        return Err("the expression is empty".into());
    }
    if text.len() > 2000 {
        return Err("the expression is longer than 2000 characters".into());
    }
    let mut parser = Parser { tokens, at: 0 };
    let expr = parser.or(0)?;
    match parser.peek() {
        None => Ok(expr),
        Some(extra) => Err(format!("unexpected '{extra}'")),
    }
}

/// Splits an expression into words, operators and the punctuation `( ) [ ] ,`.
fn tokenize(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    let flush = |word: &mut String, tokens: &mut Vec<String>| {
        if !word.is_empty() {
            tokens.push(std::mem::take(word));
        }
    };
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => flush(&mut word, &mut tokens),
            '(' | ')' | '[' | ']' | ',' => {
                flush(&mut word, &mut tokens);
                tokens.push(c.to_string());
            }
            '=' | '!' | '~' | '<' | '>' | '&' | '|' => {
                flush(&mut word, &mut tokens);
                let mut op = c.to_string();
                while let Some(&next) = chars.peek() {
                    if matches!(next, '=' | '~' | '&' | '|') {
                        op.push(next);
                        chars.next();
                    } else {
                        break;
                    }
                }
                // `!exists`: the operator is glued to its word.
                if op == "!" && chars.peek().is_some_and(|c| c.is_alphabetic()) {
                    word.push('!');
                } else {
                    tokens.push(op);
                }
            }
            c => word.push(c),
        }
    }
    flush(&mut word, &mut tokens);
    tokens
}

/// How deep parentheses and `not` may nest.
const MAX_DEPTH: usize = 32;

struct Parser {
    tokens: Vec<String>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&str> {
        self.tokens.get(self.at).map(String::as_str)
    }

    fn next(&mut self) -> Option<String> {
        let token = self.tokens.get(self.at).cloned();
        self.at += 1;
        token
    }

    fn expect(&mut self, wanted: &str) -> Result<(), String> {
        match self.next() {
            Some(t) if t == wanted => Ok(()),
            Some(t) => Err(format!("expected '{wanted}', found '{t}'")),
            None => Err(format!("expected '{wanted}' at the end")),
        }
    }

    fn or(&mut self, depth: usize) -> Result<Expr, String> {
        let mut left = self.and(depth)?;
        while matches!(self.peek(), Some("or" | "||")) {
            self.at += 1;
            left = Expr::Or(Box::new(left), Box::new(self.and(depth)?));
        }
        Ok(left)
    }

    fn and(&mut self, depth: usize) -> Result<Expr, String> {
        let mut left = self.unary(depth)?;
        while matches!(self.peek(), Some("and" | "&&")) {
            self.at += 1;
            left = Expr::And(Box::new(left), Box::new(self.unary(depth)?));
        }
        Ok(left)
    }

    fn unary(&mut self, depth: usize) -> Result<Expr, String> {
        if depth > MAX_DEPTH {
            return Err("the expression nests too deeply".into());
        }
        match self.peek() {
            Some("not" | "!") => {
                self.at += 1;
                Ok(Expr::Not(Box::new(self.unary(depth + 1)?)))
            }
            Some("(") => {
                self.at += 1;
                let inner = self.or(depth + 1)?;
                self.expect(")")?;
                Ok(inner)
            }
            _ => self.term(),
        }
    }

    fn term(&mut self) -> Result<Expr, String> {
        let subject = self.next().ok_or("expected a term at the end")?;
        let field = match subject.as_str() {
            "ec2InstanceId" => Field::Ec2InstanceId,
            "agentConnected" => Field::AgentConnected,
            "agentVersion" => Field::AgentVersion,
            "registeredAt" => Field::RegisteredAt,
            "runningTasksCount" => Field::RunningTasksCount,
            "task:group" => Field::TaskGroup,
            other => match other.strip_prefix("attribute:") {
                Some(name) if !name.is_empty() => Field::Attribute(name.to_owned()),
                _ => return Err(format!("unknown term '{other}'")),
            },
        };
        let op_word = self.next().ok_or("expected an operator at the end")?;
        let op = Op::named(&op_word).ok_or_else(|| format!("unknown operator '{op_word}'"))?;
        let values = match op {
            Op::Exists | Op::NotExists => Vec::new(),
            Op::In | Op::NotIn => self.list()?,
            _ => match self.next() {
                Some(v) if !is_punctuation(&v) => vec![v],
                _ => return Err(format!("expected a value after '{op_word}'")),
            },
        };
        Ok(Expr::Term { field, op, values })
    }

    fn list(&mut self) -> Result<Vec<String>, String> {
        self.expect("[")?;
        let mut values = Vec::new();
        loop {
            match self.next() {
                Some(v) if v == "]" && values.is_empty() => return Ok(values),
                Some(v) if !is_punctuation(&v) => values.push(v),
                _ => return Err("expected a value in the list".into()),
            }
            match self.next().as_deref() {
                Some(",") => {}
                Some("]") => return Ok(values),
                _ => return Err("expected ',' or ']' in the list".into()),
            }
        }
    }
}

fn is_punctuation(token: &str) -> bool {
    matches!(token, "(" | ")" | "[" | "]" | ",")
}

/// Whether `text` matches `pattern`, where `*` stands for any run of characters.
fn wildcard(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    let [first, middle @ .., last] = parts.as_slice() else {
        return pattern == text;
    };
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

impl Expr {
    /// Whether `subject` satisfies the expression.
    pub(crate) fn matches(&self, subject: &Subject<'_>) -> bool {
        match self {
            Self::And(a, b) => a.matches(subject) && b.matches(subject),
            Self::Or(a, b) => a.matches(subject) || b.matches(subject),
            Self::Not(e) => !e.matches(subject),
            Self::Term { field, op, values } => term(subject, field, *op, values),
        }
    }
}

fn term(subject: &Subject<'_>, field: &Field, op: Op, values: &[String]) -> bool {
    let owned;
    let actual: Vec<&str> = match field {
        Field::Attribute(name) => match subject.attributes.get(name) {
            Some(value) => vec![value.as_deref().unwrap_or("")],
            None => Vec::new(),
        },
        Field::Ec2InstanceId => vec![subject.ec2_instance_id],
        Field::AgentConnected => vec![if subject.agent_connected {
            "true"
        } else {
            "false"
        }],
        Field::AgentVersion => vec![subject.agent_version],
        Field::RegisteredAt => vec![subject.registered_at],
        Field::RunningTasksCount => {
            owned = subject.running_tasks.to_string();
            vec![owned.as_str()]
        }
        Field::TaskGroup => subject.task_groups.to_vec(),
    };
    let first = values.first().map_or("", String::as_str);
    let any = |f: &dyn Fn(&str) -> bool| actual.iter().any(|a| f(a));
    let ordered = |a: &str| compare(field, a, first);
    match op {
        Op::Exists => !actual.is_empty(),
        Op::NotExists => actual.is_empty(),
        Op::Equals => any(&|a| a == first),
        Op::NotEquals => !any(&|a| a == first),
        Op::In => any(&|a| values.iter().any(|v| v == a)),
        Op::NotIn => !any(&|a| values.iter().any(|v| v == a)),
        Op::Matches => any(&|a| wildcard(first, a)),
        Op::NotMatches => !any(&|a| wildcard(first, a)),
        Op::Less => any(&|a| ordered(a).is_some_and(std::cmp::Ordering::is_lt)),
        Op::LessOrEqual => any(&|a| ordered(a).is_some_and(std::cmp::Ordering::is_le)),
        Op::Greater => any(&|a| ordered(a).is_some_and(std::cmp::Ordering::is_gt)),
        Op::GreaterOrEqual => any(&|a| ordered(a).is_some_and(std::cmp::Ordering::is_ge)),
    }
}

/// Orders numbers as numbers and everything else (ISO 8601 dates) as text.
fn compare(field: &Field, actual: &str, wanted: &str) -> Option<std::cmp::Ordering> {
    match (actual.parse::<f64>(), wanted.parse::<f64>()) {
        (Ok(a), Ok(w)) => a.partial_cmp(&w),
        _ if *field == Field::RegisteredAt => Some(actual.cmp(wanted)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn subject_with<'a>(
        attributes: &'a BTreeMap<String, Option<String>>,
        groups: &'a [&'a str],
    ) -> Subject<'a> {
        Subject {
            attributes,
            ec2_instance_id: "i-0123456789abcdef0",
            agent_connected: true,
            agent_version: "1.2.0",
            registered_at: "2026-11-23T03:00:00Z",
            running_tasks: 2,
            task_groups: groups,
        }
    }

    fn attributes() -> BTreeMap<String, Option<String>> {
        BTreeMap::from([
            ("ecs.instance-type".to_owned(), Some("t2.micro".to_owned())),
            ("stack".to_owned(), Some("prod".to_owned())),
            ("gpu".to_owned(), None),
        ])
    }

    fn holds(text: &str) -> bool {
        let attributes = attributes();
        let subject = subject_with(&attributes, &["family:web"]);
        parse(text)
            .unwrap_or_else(|e| panic!("{text}: {e}"))
            .matches(&subject)
    }

    #[test]
    fn terms_compare_as_ecs_documents() {
        assert!(holds("attribute:ecs.instance-type == t2.micro"));
        assert!(!holds("attribute:ecs.instance-type == t2.large"));
        assert!(holds("attribute:ecs.instance-type != t2.large"));
        assert!(holds("attribute:ecs.instance-type =~ t2.*"));
        assert!(!holds("attribute:ecs.instance-type !~ t2.*"));
        assert!(holds("attribute:stack in [dev, prod]"));
        assert!(holds("attribute:stack not_in [dev, test]"));
        assert!(holds("attribute:gpu exists"));
        assert!(holds("attribute:missing !exists"));
        assert!(!holds("attribute:missing == x"));
        assert!(holds("attribute:missing != x"));
        assert!(holds("ec2InstanceId =~ i-0123*"));
        assert!(holds("agentConnected == true"));
        assert!(holds("runningTasksCount < 3"));
        assert!(!holds("runningTasksCount >= 3"));
        assert!(holds("registeredAt >= 2026-11-01"));
        assert!(holds("task:group == family:web"));
        assert!(!holds("task:group == family:db"));
    }

    #[test]
    fn combinations_follow_precedence_and_parentheses() {
        assert!(holds("attribute:stack == dev or attribute:stack == prod"));
        assert!(!holds("attribute:stack == dev and attribute:stack == prod"));
        // `and` binds tighter than `or`.
        assert!(holds(
            "attribute:stack == prod or attribute:stack == dev and attribute:gpu !exists"
        ));
        assert!(!holds(
            "(attribute:stack == prod or attribute:stack == dev) and attribute:gpu !exists"
        ));
        assert!(holds("not(task:group == family:db)"));
        assert!(holds("!(attribute:stack == dev) && attribute:gpu exists"));
    }

    #[test]
    fn malformed_expressions_say_what_is_wrong() {
        for (text, error) in [
            ("", "empty"),
            ("attribute:stack", "operator"),
            ("attribute:stack ==", "value"),
            ("attribute:stack is prod", "unknown operator"),
            ("cpu == 1", "unknown term"),
            ("attribute:stack in [a b]", "','"),
            ("(attribute:stack == a", "')'"),
            ("attribute:stack == a b", "unexpected"),
        ] {
            let e = parse(text).unwrap_err();
            assert!(e.contains(error), "{text}: {e}");
        }
        let deep = format!("{}attribute:a exists{}", "(".repeat(40), ")".repeat(40));
        assert!(parse(&deep).unwrap_err().contains("deeply"));
    }

    #[test]
    fn wildcards_anchor_at_both_ends() {
        assert!(wildcard("t2.*", "t2.micro"));
        assert!(wildcard("*.micro", "t2.micro"));
        assert!(wildcard("t*o", "t2.micro"));
        assert!(!wildcard("t*x", "t2.micro"));
        assert!(wildcard("a*a", "aa"));
        assert!(!wildcard("a*a", "a"));
    }

    proptest! {
        #[test]
        fn any_text_parses_or_fails_cleanly(text in "[ -~]{0,80}") {
            let attributes = attributes();
            if let Ok(expr) = parse(&text) {
                let _ = expr.matches(&subject_with(&attributes, &[]));
            }
        }

        #[test]
        fn not_inverts_every_expression(
            name in "[a-z]{1,3}", value in "[a-z]{1,3}",
            op in prop::sample::select(vec!["==", "!=", "=~", "exists", "!exists"]),
        ) {
            let text = if op.contains("exists") {
                format!("attribute:{name} {op}")
            } else {
                format!("attribute:{name} {op} {value}")
            };
            let attributes = BTreeMap::from([(name.clone(), Some(value.clone()))]);
            let subject = subject_with(&attributes, &[]);
            let plain = parse(&text).unwrap().matches(&subject);
            let negated = parse(&format!("not({text})")).unwrap().matches(&subject);
            prop_assert_ne!(plain, negated);
        }
    }
}

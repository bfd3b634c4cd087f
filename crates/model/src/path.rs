//! Where a value sits in an input, kept as a chain of steps and written out only when an error
//! names it: in AWS's validation form (`tags.2.member.tagKey`) or as the wire spells it
//! (`Tags.2.TagKey`).

/// One step down from the input's top.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Path<'a> {
    /// The input itself.
    Top,
    /// A structure member, by its wire name.
    Member(&'a Path<'a>, &'a str),
    /// The `n`th element of a list (from 1).
    Element(&'a Path<'a>, usize),
    /// A map entry, by its key.
    Entry(&'a Path<'a>, &'a str),
}

impl Path<'_> {
    /// The path in AWS's validation messages: members in lower camel case, list elements as
    /// `N.member`, map entries by key.
    pub(crate) fn aws(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, true);
        out
    }

    /// The path as the wire spells it.
    pub(crate) fn wire(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, false);
        out
    }

    fn write(&self, out: &mut String, aws: bool) {
        let dot = |out: &mut String, parent: &Path<'_>| {
            parent.write(out, aws);
            if !out.is_empty() {
                out.push('.');
            }
        };
        match self {
            Path::Top => {}
            Path::Member(parent, name) => {
                dot(out, parent);
                if aws {
                    out.push_str(&crate::lower_camel(name));
                } else {
                    out.push_str(name);
                }
            }
            Path::Element(parent, n) => {
                dot(out, parent);
                out.push_str(&n.to_string());
                if aws {
                    out.push_str(".member");
                }
            }
            Path::Entry(parent, key) => {
                dot(out, parent);
                out.push_str(key);
            }
        }
    }
}

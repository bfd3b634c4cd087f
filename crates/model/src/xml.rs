//! The query protocol's XML, written straight from a typed output as its model describes it:
//! each member an element named as in the model, lists as `<member>` elements, maps as
//! `<entry><key/><value/></entry>`, timestamps in ISO 8601, text escaped.

use neargate_common::Timestamp;
use neargate_wire::escape_into;
use serde::Serialize;
use serde::ser::{self, Impossible};

use crate::shape::{Kind, Model, ShapeId};

/// The children of `<{Operation}Result>` for `output`, of shape `id`.
pub fn to_xml<T: Serialize>(model: &Model, id: ShapeId, output: &T) -> Result<String, XmlError> {
    let mut out = String::with_capacity(256);
    output.serialize(Element {
        model,
        out: &mut out,
        name: None,
        id,
    })?;
    Ok(out)
}

/// An output the model does not describe (a bug: outputs are generated from it).
#[derive(Debug)]
pub struct XmlError(String);

impl std::fmt::Display for XmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for XmlError {}

impl ser::Error for XmlError {
    fn custom<T: std::fmt::Display>(message: T) -> Self {
        Self(message.to_string())
    }
}

/// One value of shape `id`, written as the element `name` (`None`: the result itself, whose
/// members are written without a wrapper).
struct Element<'a> {
    model: &'a Model,
    out: &'a mut String,
    name: Option<&'static str>,
    id: ShapeId,
}

impl Element<'_> {
    fn open(&mut self) {
        if let Some(name) = self.name {
            self.out.push('<');
            self.out.push_str(name);
            self.out.push('>');
        }
    }

    fn close(&mut self) {
        if let Some(name) = self.name {
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push('>');
        }
    }

    fn text(mut self, text: &str) -> Result<(), XmlError> {
        self.open();
        escape_into(text, self.out);
        self.close();
        Ok(())
    }

    /// The element for a child of shape `id` named `name`, writing to the same text.
    fn child(&mut self, name: &'static str, id: ShapeId) -> Element<'_> {
        Element {
            model: self.model,
            out: self.out,
            name: Some(name),
            id,
        }
    }
}

macro_rules! as_text {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method(self, value: $ty) -> Result<(), XmlError> {
            self.text(&value.to_string())
        }
    )*};
}

impl<'a> ser::Serializer for Element<'a> {
    type Ok = ();
    type Error = XmlError;
    type SerializeSeq = Seq<'a>;
    type SerializeTuple = Impossible<(), XmlError>;
    type SerializeTupleStruct = Impossible<(), XmlError>;
    type SerializeTupleVariant = Impossible<(), XmlError>;
    type SerializeMap = Entries<'a>;
    type SerializeStruct = Members<'a>;
    type SerializeStructVariant = Impossible<(), XmlError>;

    as_text!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_char: char);

    fn serialize_f32(self, value: f32) -> Result<(), XmlError> {
        self.serialize_f64(f64::from(value))
    }

    fn serialize_f64(self, value: f64) -> Result<(), XmlError> {
        if matches!(self.model.shape(self.id).kind, Kind::Timestamp) {
            let time = Timestamp::from_epoch_seconds_f64(value).unwrap_or_default();
            return self.text(&time.to_iso8601());
        }
        let number =
            serde_json::Number::from_f64(value).map_or_else(String::new, |n| n.to_string());
        self.text(&number)
    }

    fn serialize_str(self, value: &str) -> Result<(), XmlError> {
        self.text(value)
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<(), XmlError> {
        Err(XmlError("bytes are written as base64 text".into()))
    }

    fn serialize_none(self) -> Result<(), XmlError> {
        Ok(())
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), XmlError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), XmlError> {
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), XmlError> {
        Ok(())
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), XmlError> {
        self.text(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), XmlError> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), XmlError> {
        Err(XmlError("outputs have no enum variants with data".into()))
    }

    fn serialize_seq(mut self, _: Option<usize>) -> Result<Seq<'a>, XmlError> {
        let Kind::List { member, .. } = self.model.shape(self.id).kind else {
            return Err(XmlError("a list where the model has none".into()));
        };
        self.open();
        Ok(Seq {
            element: self,
            member,
        })
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, XmlError> {
        Err(XmlError("outputs have no tuples".into()))
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, XmlError> {
        Err(XmlError("outputs have no tuples".into()))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, XmlError> {
        Err(XmlError("outputs have no tuples".into()))
    }

    fn serialize_map(mut self, _: Option<usize>) -> Result<Entries<'a>, XmlError> {
        let Kind::Map { key, value, .. } = self.model.shape(self.id).kind else {
            return Err(XmlError("a map where the model has none".into()));
        };
        self.open();
        Ok(Entries {
            element: self,
            key_shape: key,
            value_shape: value,
            key: None,
        })
    }

    fn serialize_struct(mut self, _: &'static str, _: usize) -> Result<Members<'a>, XmlError> {
        let Kind::Structure(members) = self.model.shape(self.id).kind else {
            return Err(XmlError("a structure where the model has none".into()));
        };
        self.open();
        Ok(Members {
            element: self,
            members,
        })
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, XmlError> {
        Err(XmlError("outputs have no enum variants with data".into()))
    }
}

/// A list's `<member>` elements.
struct Seq<'a> {
    element: Element<'a>,
    member: ShapeId,
}

impl ser::SerializeSeq for Seq<'_> {
    type Ok = ();
    type Error = XmlError;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), XmlError> {
        value.serialize(self.element.child("member", self.member))
    }

    fn end(mut self) -> Result<(), XmlError> {
        self.element.close();
        Ok(())
    }
}

/// A map's `<entry>` elements.
struct Entries<'a> {
    element: Element<'a>,
    key_shape: ShapeId,
    value_shape: ShapeId,
    /// The entry's key, written when its value comes.
    key: Option<String>,
}

impl ser::SerializeMap for Entries<'_> {
    type Ok = ();
    type Error = XmlError;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), XmlError> {
        let mut text = String::new();
        key.serialize(Element {
            model: self.element.model,
            out: &mut text,
            name: Some("key"),
            id: self.key_shape,
        })?;
        self.key = Some(text);
        Ok(())
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), XmlError> {
        let key = self.key.take().unwrap_or_default();
        let out = &mut *self.element.out;
        out.push_str("<entry>");
        out.push_str(&key);
        value.serialize(self.element.child("value", self.value_shape))?;
        self.element.out.push_str("</entry>");
        Ok(())
    }

    fn end(mut self) -> Result<(), XmlError> {
        self.element.close();
        Ok(())
    }
}

/// A structure's members, each an element named as in the model.
struct Members<'a> {
    element: Element<'a>,
    members: &'static [crate::shape::Member],
}

impl ser::SerializeStruct for Members<'_> {
    type Ok = ();
    type Error = XmlError;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), XmlError> {
        let Some(member) = self.members.iter().find(|m| m.name == key) else {
            return Err(XmlError(format!("the model has no member {key}")));
        };
        value.serialize(self.element.child(member.name, member.shape))
    }

    fn end(mut self) -> Result<(), XmlError> {
        self.element.close();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use neargate_common::Timestamp;

    use crate::Time;
    use crate::iam::{GetUserResponse, MODEL, Tag, User};

    #[test]
    fn outputs_are_written_as_their_model_says() {
        let output = GetUserResponse {
            user: User {
                arn: "arn:aws:iam::123456789012:user/a&b".into(),
                create_date: Time(Timestamp::from_secs(0)),
                password_last_used: None,
                path: "/".into(),
                permissions_boundary: None,
                tags: Some(vec![Tag {
                    key: "k".into(),
                    value: "<v>".into(),
                }]),
                user_id: "AIDA".into(),
                user_name: "a&b".into(),
            },
        };
        let shape = MODEL.operation("GetUser").unwrap().output.unwrap();
        let xml = super::to_xml(&MODEL, shape, &output).unwrap();
        assert_eq!(
            xml,
            "<User><Arn>arn:aws:iam::123456789012:user/a&amp;b</Arn>\
             <CreateDate>1970-01-01T00:00:00Z</CreateDate><Path>/</Path>\
             <Tags><member><Key>k</Key><Value>&lt;v&gt;</Value></member></Tags>\
             <UserId>AIDA</UserId><UserName>a&amp;b</UserName></User>"
        );
    }
}

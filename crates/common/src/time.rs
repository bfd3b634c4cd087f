//! UTC timestamps with millisecond precision and the text forms AWS uses.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A UTC instant, in milliseconds since the Unix epoch (stored as that number).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(transparent)]
pub struct Timestamp(i64);

impl Timestamp {
    /// The instant `millis` milliseconds after the epoch.
    pub const fn from_millis(millis: i64) -> Self {
        Self(millis)
    }

    /// The instant `secs` seconds after the epoch.
    pub const fn from_secs(secs: i64) -> Self {
        Self(secs.saturating_mul(1000))
    }

    /// Converts from the standard library's time type.
    pub fn from_system(t: SystemTime) -> Self {
        match t.duration_since(UNIX_EPOCH) {
            Ok(d) => Self(i64::try_from(d.as_millis()).unwrap_or(i64::MAX)),
            Err(e) => Self(-i64::try_from(e.duration().as_millis()).unwrap_or(i64::MAX)),
        }
    }

    /// Milliseconds since the epoch.
    pub const fn millis(self) -> i64 {
        self.0
    }

    /// Whole seconds since the epoch (rounded down).
    pub const fn secs(self) -> i64 {
        self.0.div_euclid(1000)
    }

    /// The instant `secs` seconds (a fraction allowed) after the epoch, the JSON protocols'
    /// timestamp form, to the millisecond; `None` unless finite. Out-of-range values are
    /// clamped to what the type holds.
    pub fn from_epoch_seconds_f64(secs: f64) -> Option<Self> {
        if !secs.is_finite() {
            return None;
        }
        #[allow(clippy::cast_possible_truncation)] // clamped to what an i64 holds
        let millis = (secs * 1000.0).round().clamp(-8.64e15, 8.64e15) as i64;
        Some(Self(millis))
    }

    /// Seconds since the epoch as a float, the JSON protocols' timestamp form.
    #[allow(clippy::cast_precision_loss)]
    pub fn epoch_seconds_f64(self) -> f64 {
        self.0 as f64 / 1000.0
    }

    /// ISO 8601 with seconds, as CloudTrail writes `eventTime`: `2026-11-22T18:46:21Z`.
    pub fn to_iso8601(self) -> String {
        let (y, mo, d, h, mi, s) = self.civil();
        if !(0..=9999).contains(&y) {
            return format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z");
        }
        // Written digit by digit: this runs on every authorized request and audit record.
        let mut out = *b"0000-00-00T00:00:00Z";
        let mut put = |at: usize, width: usize, mut value: i64| {
            for i in (at..at + width).rev() {
                // `value` is non-negative and fits the field, so each digit is 0-9.
                out[i] = b'0' + u8::try_from(value % 10).unwrap_or(0);
                value /= 10;
            }
        };
        put(0, 4, y);
        put(5, 2, mo);
        put(8, 2, d);
        put(11, 2, h);
        put(14, 2, mi);
        put(17, 2, s);
        // Only ASCII digits and separators were written.
        String::from_utf8(out.to_vec()).unwrap_or_default()
    }

    /// SigV4's basic form: `20150830T123600Z`.
    pub fn to_amz_date(self) -> String {
        let (y, mo, d, h, mi, s) = self.civil();
        format!("{y:04}{mo:02}{d:02}T{h:02}{mi:02}{s:02}Z")
    }

    /// HTTP's date form (IMF-fixdate): `Sun, 22 Nov 2026 18:46:21 GMT`.
    pub fn to_http_date(self) -> String {
        const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let (y, mo, d, h, mi, s) = self.civil();
        // 1970-01-01 was a Thursday.
        let weekday =
            DAYS[usize::try_from(self.secs().div_euclid(86_400).rem_euclid(7)).unwrap_or(0)];
        let month = MONTHS[usize::try_from(mo - 1).unwrap_or(0)];
        format!("{weekday}, {d:02} {month} {y:04} {h:02}:{mi:02}:{s:02} GMT")
    }

    /// Parses SigV4's basic form `YYYYMMDDTHHMMSSZ`.
    pub fn parse_amz_date(text: &str) -> Option<Self> {
        let b = text.as_bytes();
        if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<i64> {
            let part = text.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (y, mo, d) = (num(0..4)?, num(4..6)?, num(6..8)?);
        let (h, mi, s) = (num(9..11)?, num(11..13)?, num(13..15)?);
        Self::from_civil(y, mo, d, h, mi, s)
    }

    /// Parses RFC 3339 / ISO 8601 (`2026-11-22T18:46:21Z`, optional fraction and offset).
    pub fn parse_iso8601(text: &str) -> Option<Self> {
        let b = text.as_bytes();
        if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<i64> {
            let part = text.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        if b[13] != b':' || b[16] != b':' {
            return None;
        }
        let base = Self::from_civil(
            num(0..4)?,
            num(5..7)?,
            num(8..10)?,
            num(11..13)?,
            num(14..16)?,
            num(17..19)?,
        )?;
        let mut rest = &text[19..];
        let mut millis = 0;
        if let Some(frac) = rest.strip_prefix('.') {
            let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return None;
            }
            let padded = format!("{:0<3}", &frac[..digits.min(3)]);
            millis = padded.parse::<i64>().ok()?;
            rest = &frac[digits..];
        }
        let offset_secs = match rest {
            "Z" | "z" => 0,
            _ => parse_offset(rest)?,
        };
        Some(Self(base.0 + millis - offset_secs * 1000))
    }

    fn from_civil(y: i64, mo: i64, d: i64, h: i64, mi: i64, s: i64) -> Option<Self> {
        if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || s > 60 {
            return None;
        }
        let days = days_from_civil(y, mo, d);
        if civil_from_days(days) != (y, mo, d) {
            return None; // e.g. February 30th
        }
        Some(Self::from_secs(days * 86_400 + h * 3600 + mi * 60 + s))
    }

    fn civil(self) -> (i64, i64, i64, i64, i64, i64) {
        let secs = self.secs();
        let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
        let (y, mo, d) = civil_from_days(days);
        (y, mo, d, rem / 3600, rem % 3600 / 60, rem % 60)
    }
}

impl std::ops::Add<Duration> for Timestamp {
    type Output = Self;

    /// This instant moved forward by `by` (saturating).
    fn add(self, by: Duration) -> Self {
        Self(
            self.0
                .saturating_add(i64::try_from(by.as_millis()).unwrap_or(i64::MAX)),
        )
    }
}

impl std::ops::Sub<Duration> for Timestamp {
    type Output = Self;

    /// This instant moved back by `by` (saturating).
    fn sub(self, by: Duration) -> Self {
        Self(
            self.0
                .saturating_sub(i64::try_from(by.as_millis()).unwrap_or(i64::MAX)),
        )
    }
}

/// Parses a `+HH:MM` / `-HH:MM` offset into seconds east of UTC.
fn parse_offset(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() != 6 || b[3] != b':' || !b[1..3].iter().chain(&b[4..6]).all(u8::is_ascii_digit) {
        return None;
    }
    let sign = match b[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let hours: i64 = text[1..3].parse().ok()?;
    let minutes: i64 = text[4..6].parse().ok()?;
    Some(sign * (hours * 3600 + minutes * 60))
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formats_known_instants() {
        let t = Timestamp::from_secs(1_440_938_160); // 2015-08-30T12:36:00Z
        assert_eq!(t.to_amz_date(), "20150830T123600Z");
        assert_eq!(t.to_iso8601(), "2015-08-30T12:36:00Z");
        assert_eq!(t.to_http_date(), "Sun, 30 Aug 2015 12:36:00 GMT");
        assert_eq!(
            Timestamp::from_secs(0).to_http_date(),
            "Thu, 01 Jan 1970 00:00:00 GMT"
        );
    }

    #[test]
    fn parses_iso_forms() {
        let t = Timestamp::from_secs(1_440_938_160);
        assert_eq!(Timestamp::parse_iso8601("2015-08-30T12:36:00Z"), Some(t));
        assert_eq!(
            Timestamp::parse_iso8601("2015-08-30T14:36:00+02:00"),
            Some(t)
        );
        assert_eq!(
            Timestamp::parse_iso8601("2015-08-30T12:36:00.5Z"),
            Some(Timestamp::from_millis(1_440_938_160_500))
        );
        assert_eq!(Timestamp::parse_iso8601("2015-02-30T12:36:00Z"), None);
        assert_eq!(Timestamp::parse_iso8601("2015-08-30T12:36:00"), None);
        assert_eq!(Timestamp::parse_amz_date("2015083OT123600Z"), None);
    }

    proptest! {
        #[test]
        fn amz_date_round_trips(secs in -62_000_000_000i64..250_000_000_000) {
            let t = Timestamp::from_secs(secs);
            prop_assert_eq!(Timestamp::parse_amz_date(&t.to_amz_date()), Some(t));
            prop_assert_eq!(Timestamp::parse_iso8601(&t.to_iso8601()), Some(t));
        }

        #[test]
        fn iso8601_is_the_formatted_civil_time(secs in -62_000_000_000i64..250_000_000_000) {
            let t = Timestamp::from_secs(secs);
            let (y, mo, d, h, mi, s) = t.civil();
            let expected = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z");
            prop_assert_eq!(t.to_iso8601(), expected);
        }
    }
}

//! Local wall-clock arithmetic for the generator: RFC 3339 stamps with the call centre's
//! `+07:00` offset and the SOP's time-of-day bands, without a date library so the output
//! cannot change with one.
//!
//! Times are "local seconds": seconds since 1970-01-01T00:00 *local* time, so the local
//! hour is `(t / 3600) % 24` and formatting just appends the fixed offset.

/// The offset every generated stamp carries (WIB).
pub const OFFSET: &str = "+07:00";

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count (inverse of [`days_from_civil`]).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// `2026-11-20T08:15:03+07:00`
pub fn rfc3339(local: i64) -> String {
    let mut s = String::with_capacity(25);
    push_rfc3339(&mut s, local);
    s
}

/// Appends `2026-11-20T08:15:03+07:00` to `out`.
pub fn push_rfc3339(out: &mut String, local: i64) {
    use std::fmt::Write;
    let days = local.div_euclid(86_400);
    let sod = local.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let _ = write!(
        out,
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}{OFFSET}",
        sod / 3600,
        sod / 60 % 60,
        sod % 60
    );
}

/// The SOP's time-of-day bands (SPEC §3 defaults).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    /// 04:00–10:59
    Pagi,
    /// 11:00–14:59
    Siang,
    /// 15:00–17:59
    Sore,
    /// 18:00–03:59
    Malam,
}

impl Band {
    pub const ALL: [Band; 4] = [Band::Pagi, Band::Siang, Band::Sore, Band::Malam];

    /// The band of a local time.
    pub fn of(local: i64) -> Band {
        match local.rem_euclid(86_400) / 3600 {
            4..=10 => Band::Pagi,
            11..=14 => Band::Siang,
            15..=17 => Band::Sore,
            _ => Band::Malam,
        }
    }

    /// The word after "selamat".
    pub fn word(self) -> &'static str {
        match self {
            Band::Pagi => "pagi",
            Band::Siang => "siang",
            Band::Sore => "sore",
            Band::Malam => "malam",
        }
    }

    /// The band a tired agent says instead: a neighbour, most of the time.
    pub fn confused(self, pick: u64) -> Band {
        let neighbours = match self {
            Band::Pagi => [Band::Siang, Band::Malam, Band::Sore],
            Band::Siang => [Band::Pagi, Band::Sore, Band::Malam],
            Band::Sore => [Band::Siang, Band::Malam, Band::Pagi],
            Band::Malam => [Band::Sore, Band::Pagi, Band::Siang],
        };
        neighbours[[0, 0, 1, 1, 2][(pick % 5) as usize]]
    }
}

/// Band boundaries, seconds of the day.
const BOUNDARIES: [i64; 4] = [4 * 3600, 11 * 3600, 15 * 3600, 18 * 3600];

/// Whether a start time is too close to a band boundary for an unambiguous truth: a call
/// starting 15 minutes before a boundary may close after it, and a configurable grace of
/// a few minutes after it would accept either word.
pub fn near_boundary(local: i64) -> bool {
    let sod = local.rem_euclid(86_400);
    BOUNDARIES
        .iter()
        .any(|&b| sod >= b - 15 * 60 && sod < b + 10 * 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2026, 11, 20), (2024, 2, 29), (2000, 3, 1)] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
    }

    #[test]
    fn formats_local_time_with_offset() {
        let t = days_from_civil(2026, 11, 20) * 86_400 + 8 * 3600 + 15 * 60 + 3;
        assert_eq!(rfc3339(t), "2026-11-20T08:15:03+07:00");
        let parsed = chrono::DateTime::parse_from_rfc3339(&rfc3339(t)).unwrap();
        assert_eq!(parsed.format("%H:%M:%S").to_string(), "08:15:03");
    }

    #[test]
    fn bands_follow_the_spec() {
        let at = |h: i64, m: i64| h * 3600 + m * 60;
        assert_eq!(Band::of(at(3, 59)), Band::Malam);
        assert_eq!(Band::of(at(4, 0)), Band::Pagi);
        assert_eq!(Band::of(at(10, 59)), Band::Pagi);
        assert_eq!(Band::of(at(11, 0)), Band::Siang);
        assert_eq!(Band::of(at(15, 0)), Band::Sore);
        assert_eq!(Band::of(at(18, 0)), Band::Malam);
        assert!(near_boundary(at(10, 50)));
        assert!(near_boundary(at(11, 5)));
        assert!(!near_boundary(at(12, 0)));
        for b in Band::ALL {
            for k in 0..5 {
                assert_ne!(b.confused(k), b);
            }
        }
    }
}

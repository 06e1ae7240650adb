//! The fixed-size binary record the index sorts, spills and looks up: a sort key, the
//! report's id and row position, the first row's phone and the three timestamps.

use crate::model::Timestamp;
use chrono::{DateTime, FixedOffset};

/// Bytes of one encoded record (eleven little-endian words).
pub const SIZE: usize = 88;

/// `phone` of a report whose first row has no usable phone.
pub const NO_PHONE: u64 = u64::MAX;

/// One record. What `a`/`b` hold depends on the table: the report key (both words) in
/// the by-number table, the phone (and 0) in the by-phone one. Records sort by
/// (`a`, `b`, `first`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rec {
    pub a: u64,
    pub b: u64,
    /// Byte offset of the first row with this number: the report's id, in row order.
    pub first: u64,
    /// Byte offset of the row that counts (the last with this number).
    pub last: u64,
    /// Phone of the first row, or [`NO_PHONE`].
    pub phone: u64,
    /// created_at, resolved_at, escalated_at of the last row, packed.
    pub times: [Packed; 3],
}

/// A packed optional timestamp: seconds since the epoch, and a word holding a presence
/// bit, the offset from UTC and the nanoseconds (so it unpacks to the very same value).
pub type Packed = [u64; 2];

const NANO_BITS: u32 = 31;
const OFFSET_BIAS: i64 = 86_400;

pub fn pack(t: Option<Timestamp>) -> Packed {
    let Some(t) = t else { return [0, 0] };
    let offset = (i64::from(t.offset().local_minus_utc()) + OFFSET_BIAS) as u64;
    let nanos = u64::from(t.timestamp_subsec_nanos());
    [t.timestamp() as u64, 1 << 63 | offset << NANO_BITS | nanos]
}

pub fn unpack(p: Packed) -> Option<Timestamp> {
    if p[1] >> 63 == 0 {
        return None;
    }
    let nanos = (p[1] & ((1 << NANO_BITS) - 1)) as u32;
    let offset = ((p[1] >> NANO_BITS) & ((1 << 18) - 1)) as i64 - OFFSET_BIAS;
    let tz = FixedOffset::east_opt(offset as i32)?;
    DateTime::from_timestamp(p[0] as i64, nanos).map(|t| t.with_timezone(&tz))
}

impl Rec {
    pub fn sort_key(&self) -> (u64, u64, u64) {
        (self.a, self.b, self.first)
    }

    pub fn key(&self) -> (u64, u64) {
        (self.a, self.b)
    }

    fn words(&self) -> [u64; 11] {
        let t = &self.times;
        [
            self.a, self.b, self.first, self.last, self.phone, t[0][0], t[0][1], t[1][0], t[1][1],
            t[2][0], t[2][1],
        ]
    }

    pub fn encode(&self, out: &mut [u8]) {
        for (chunk, w) in out.chunks_exact_mut(8).zip(self.words()) {
            chunk.copy_from_slice(&w.to_le_bytes());
        }
    }

    /// The key of an encoded record.
    pub fn decode_key(bytes: &[u8]) -> (u64, u64) {
        let word =
            |i: usize| u64::from_le_bytes(bytes[i * 8..i * 8 + 8].try_into().unwrap_or_default());
        (word(0), word(1))
    }

    pub fn decode(bytes: &[u8]) -> Rec {
        let mut w = [0u64; 11];
        for (x, chunk) in w.iter_mut().zip(bytes.chunks_exact(8)) {
            *x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        }
        Rec {
            a: w[0],
            b: w[1],
            first: w[2],
            last: w[3],
            phone: w[4],
            times: [[w[5], w[6]], [w[7], w[8]], [w[9], w[10]]],
        }
    }
}

//! Read-backs the first pass misses and the wider look takes (a suffix, glued words, an
//! address's one-digit numbers beside its street), and their near misses.

use super::case::case;
use super::{table, Fail, Pass, RepeatOpenLt12h};
use crate::model::StepId::DataVerification;

const NAME: &str = "Rudi Hartono";
const ADDRESS: &str = "GG MAWAR NO 7 RT 04 RW 02 KEL SUKASARI BOGOR";
const PROBLEM: &str = "KWH METER BERBUNYI";

#[test]
fn wider_read_back_classes() {
    let c = |turns: &'static [&'static str]| {
        case(turns)
            .path(RepeatOpenLt12h)
            .report(NAME, ADDRESS, PROBLEM)
    };
    table(
        DataVerification,
        &[
            (
                "a suffix on a problem word, the street with its numbers",
                c(&["A: laporan atas nama pak rudi di gang mawar nomor 7 rt 4 rw 2 keluhannya meteran yang berbunyi ya"]),
                Pass,
            ),
            (
                "words glued to each other and to a short word",
                c(&["A: atas nama rudihartono alamat gang mawar kelurahan sukasari masalahnya kwhmeter berbunyiya"]),
                Pass,
            ),
            (
                "a word glued after a word of the language",
                c(&["A: atas nama pak rudi di gang mawar sukasari bogor keluhannyakwh meter bunyi terus"]),
                Pass,
            ),
            // Near misses: the numbers alone are no street; a word that only starts
            // like the report's; a name's start glued to nothing of the name.
            (
                "numbers without the street",
                c(&["A: atas nama pak rudi nomor 7 rt 4 rw 2 ya, meteran berbunyi"]),
                Fail,
            ),
            (
                "another problem",
                c(&["A: atas nama pak rudi di gang mawar sukasari bogor, tagihannya naik ya"]),
                Fail,
            ),
            (
                "another name starting like the report's",
                c(&["A: atas nama rudiman di gang mawar sukasari bogor kwh meter berbunyi"]),
                Fail,
            ),
        ],
    );
}

//! Accuracy floor: a 300-call generated archive (seed 7, noise 2) is audited and scored
//! against its ground truth with `callaudit eval`; the test fails when FAIL-F1 or
//! agreement drops below the floors, set a little under the values measured with the
//! generator's recogniser-style noise kinds and the word-level repairs of branch `acc`
//! (2026-12-01; all steps: F1 0.9900, agreement 0.9950; held-out phrasings: F1 0.9918,
//! agreement 0.9970; before those repairs 0.9827 / 0.9915 and 0.9838 / 0.9940).

use crate::common;

use assert_cmd::Command;
use common::{audit, generate, rows};

/// (file, F1 floor, agreement floor).
const FLOORS: [(&str, f64, f64); 2] = [
    ("eval_steps.csv", 0.985, 0.991),
    ("eval_steps_holdout.csv", 0.985, 0.993),
];

#[test]
fn generated_archive_stays_above_the_accuracy_floor() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, out, eval) = (
        tmp.path().join("in"),
        tmp.path().join("out"),
        tmp.path().join("eval"),
    );
    generate(&dir, 300, 7, 2, "mixed", "time");
    audit(&dir, &out, &[]);
    Command::cargo_bin("callaudit")
        .unwrap()
        .arg("eval")
        .arg("--truth")
        .arg(dir.join("truth.csv"))
        .arg("--steps")
        .arg(out.join("steps.csv"))
        .arg("--csv")
        .arg(&eval)
        .assert()
        .success();
    for (file, f1_floor, agreement_floor) in FLOORS {
        let table = rows(&eval.join(file));
        let overall = table
            .iter()
            .find(|r| r["step"] == "overall")
            .unwrap_or_else(|| panic!("{file}: no overall row"));
        let value = |col: &str| -> f64 { overall[col].parse().expect(col) };
        let (f1, agreement) = (value("f1"), value("agreement"));
        eprintln!("{file}: FAIL-F1 {f1:.4}, agreement {agreement:.4}");
        assert!(value("n") >= 1000.0, "{file}: too few graded steps");
        assert!(f1 >= f1_floor, "{file}: FAIL-F1 {f1} below {f1_floor}");
        assert!(
            agreement >= agreement_floor,
            "{file}: agreement {agreement} below {agreement_floor}"
        );
    }
}

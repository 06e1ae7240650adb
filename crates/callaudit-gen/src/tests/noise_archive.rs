//! Archive-level tests of the noise levels: 0 and 1 pinned to the generator before the
//! recogniser kinds, and the held-out kinds changing transcripts only.

use super::*;

/// Hashes of `callaudit-gen --calls 60 --seed 3 --noise 0|1` from the generator before the
/// recogniser kinds (main at 093196d).
const PIN_NOISE0: u64 = 78_286_570_262_225_761;
const PIN_NOISE1: u64 = 15_604_915_332_955_778_600;

/// FNV-1a over every file of an archive (relative path, a zero byte, the bytes), in path
/// order.
fn archive_hash(dir: &Path) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (p, bytes) in all_files(dir) {
        let name = p.to_string_lossy().replace('\\', "/");
        for b in name.bytes().chain([0u8]).chain(bytes) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

#[test]
fn levels_zero_and_one_are_what_they_were() {
    // Pinned from the generator before the recogniser kinds were added
    // (`callaudit-gen --calls 60 --seed 3 --noise N --out DIR`, mixed layout, time order):
    // levels 0 and 1 must not change by a byte, with or without the held-out kinds.
    let tmp = tempfile::tempdir().unwrap();
    for (noise, want) in [(0u8, PIN_NOISE0), (1, PIN_NOISE1)] {
        for heldout in [false, true] {
            let out = tmp.path().join(format!("n{noise}{heldout}"));
            let opts = Options {
                noise,
                heldout_noise: heldout,
                ..Options::new(&out, 60, 3)
            };
            run(&opts).unwrap();
            assert_eq!(archive_hash(&out), want, "noise {noise} heldout {heldout}");
        }
    }
}

#[test]
fn heldout_noise_only_changes_transcripts() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    run(&args(&a, 200, 9, 2, "mixed")).unwrap();
    run(&Options {
        heldout_noise: true,
        ..args(&b, 200, 9, 2, "mixed")
    })
    .unwrap();
    let (fa, fb) = (all_files(&a), all_files(&b));
    for name in [
        "truth.csv",
        "expected_calls.csv",
        "actions.csv",
        "reports.csv",
        "calls.csv",
    ] {
        assert_eq!(fa[Path::new(name)], fb[Path::new(name)], "{name}");
    }
    assert_ne!(fa, fb, "held-out kinds never fired");
    // Same bytes again for the same seed and options.
    let c = tmp.path().join("c");
    run(&Options {
        heldout_noise: true,
        ..args(&c, 200, 9, 2, "mixed")
    })
    .unwrap();
    assert_eq!(fb, all_files(&c));
}

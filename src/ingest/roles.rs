//! Speaker labels → roles. Explicit role names are taken as given; anonymous speakers or
//! channels (`spk_0`, `ch_1`, `0`, `SPEAKER_01`) are mapped by a flag, or inferred: the
//! agent is the speaker whose opening turns carry the greeting.

use super::labels::{explicit_role, is_system};
use super::transcript::RawTurn;
use crate::model::{Role, Turn};

/// How the roles of one transcript were decided; reported per call.
#[derive(Debug, Clone, PartialEq)]
pub enum RoleMethod {
    /// Every label was a known role name.
    Explicit,
    /// `--agent-speaker` / `--agent-channel` named the agent.
    Flag,
    /// The flag named the agent, but another speaker greets clearly: the flag is kept
    /// (the user said so) and the call is flagged for a look.
    FlagContradicted { greeter: String, confidence: f64 },
    /// The flag's label is not in this call: the agent was inferred instead.
    FlagAbsent { agent: String, confidence: f64 },
    /// The agent was inferred from the greeting, with a confidence in 0..=1.
    Inferred { agent: String, confidence: f64 },
}

/// Options from the command line for anonymous speakers.
#[derive(Debug, Clone, Default)]
pub struct RoleOptions {
    /// Speaker or channel label that is the agent (`spk_0`, `ch_0`, `0`).
    pub agent_label: Option<String>,
}

fn same_label(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let s = s.trim().to_lowercase();
        let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
        if digits.is_empty() {
            s
        } else {
            digits.trim_start_matches('0').to_string()
        }
    };
    a.trim().eq_ignore_ascii_case(b.trim()) || norm(a) == norm(b)
}

/// Maps every turn to a role. `greeting_score` rates how much a text looks like the
/// opening greeting (0..=1); it drives the inference for anonymous speakers.
pub fn assign(
    raw: &[RawTurn],
    opts: &RoleOptions,
    greeting_score: &dyn Fn(&str) -> f64,
) -> Result<(Vec<Turn>, RoleMethod), String> {
    assign_owned(raw.to_vec(), opts, greeting_score)
}

/// [`assign`] taking the turns by value: their texts move into the result instead of
/// being copied (the audit owns each call's raw transcript and needs it no more).
pub fn assign_owned(
    mut raw: Vec<RawTurn>,
    opts: &RoleOptions,
    greeting_score: &dyn Fn(&str) -> f64,
) -> Result<(Vec<Turn>, RoleMethod), String> {
    raw.retain(|t| !is_system(&t.speaker));
    let (agent, method) = decide(&raw, opts, greeting_score)?;
    let turns = raw
        .into_iter()
        .map(|t| Turn {
            role: if agent(&t.speaker) {
                Role::Agent
            } else {
                Role::Caller
            },
            start: t.start,
            end: t.end,
            text: t.text,
        })
        .collect();
    Ok((turns, method))
}

/// Which labels are the agent, and how that was decided.
type AgentTest = Box<dyn Fn(&str) -> bool>;

fn decide(
    raw: &[RawTurn],
    opts: &RoleOptions,
    greeting_score: &dyn Fn(&str) -> f64,
) -> Result<(AgentTest, RoleMethod), String> {
    if raw.iter().all(|t| explicit_role(&t.speaker).is_some()) {
        let agent = |s: &str| explicit_role(s) == Some(Role::Agent);
        return Ok((Box::new(agent), RoleMethod::Explicit));
    }
    if let Some(agent) = &opts.agent_label {
        if raw.iter().any(|t| same_label(&t.speaker, agent)) {
            let flagged = agent.clone();
            let test = move |s: &str| {
                explicit_role(s) == Some(Role::Agent)
                    || (explicit_role(s).is_none() && same_label(s, &flagged))
            };
            // A confident greeting by another speaker contradicts the flag.
            let method = match infer(raw, greeting_score) {
                Ok((greeter, confidence))
                    if confidence >= CONTRADICTION && !same_label(&greeter, agent) =>
                {
                    RoleMethod::FlagContradicted {
                        greeter,
                        confidence,
                    }
                }
                _ => RoleMethod::Flag,
            };
            return Ok((Box::new(test), method));
        }
        let (agent, confidence) = infer(raw, greeting_score)?;
        let label = agent.clone();
        return Ok((
            Box::new(move |s: &str| s == label),
            RoleMethod::FlagAbsent { agent, confidence },
        ));
    }
    let (agent, confidence) = infer(raw, greeting_score)?;
    let label = agent.clone();
    Ok((
        Box::new(move |s: &str| s == label),
        RoleMethod::Inferred { agent, confidence },
    ))
}

/// Inference confidence from which another speaker's greeting contradicts the flag.
const CONTRADICTION: f64 = 0.5;

/// Turns of a speaker's opening read together: a greeting the recogniser cut into
/// segments ("halo, PLN 123, dengan" / "Intan, ada yang bisa dibantu?") is whole only
/// in their joined text.
const OPENING_TURNS: usize = 3;

/// The speaker who greets, with a confidence: per speaker, the better of its best
/// greeting among its first two turns and the greeting of its first
/// [`OPENING_TURNS`] turns read as one text.
fn infer(raw: &[RawTurn], greeting_score: &dyn Fn(&str) -> f64) -> Result<(String, f64), String> {
    let mut labels: Vec<&str> = Vec::new();
    for t in raw {
        if !labels.contains(&t.speaker.as_str()) {
            labels.push(&t.speaker);
        }
    }
    if labels.len() < 2 {
        return Err(
            "a single anonymous speaker speaks the whole call: the transcript needs diarisation or speaker roles"
                .to_string(),
        );
    }
    let mut scored: Vec<(f64, &str)> = labels
        .iter()
        .map(|&l| {
            let opening: Vec<&str> = raw
                .iter()
                .filter(|t| t.speaker == l)
                .take(OPENING_TURNS)
                .map(|t| t.text.as_str())
                .collect();
            let single = (opening.iter().take(2))
                .map(|t| greeting_score(t))
                .fold(0.0, f64::max);
            let joined = if opening.len() > 1 {
                greeting_score(&opening.join(" "))
            } else {
                0.0
            };
            (single.max(joined), l)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (top, agent) = scored[0];
    let runner_up = scored.get(1).map_or(0.0, |s| s.0);
    if top <= 0.0 || top - runner_up < 0.1 {
        return Err(format!(
            "cannot tell the agent apart among the {} speakers (no speaker greets clearly); use --agent-speaker",
            labels.len()
        ));
    }
    let confidence = ((top - runner_up) / top).clamp(0.0, 1.0);
    Ok((agent.to_string(), confidence))
}

impl RoleMethod {
    /// Whether the flag given by the user did not fit this call (absent or contradicted).
    pub fn flag_mismatch(&self) -> bool {
        matches!(
            self,
            RoleMethod::FlagAbsent { .. } | RoleMethod::FlagContradicted { .. }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rt(s: &str, text: &str) -> RawTurn {
        RawTurn {
            speaker: s.into(),
            start: 0.0,
            end: 0.0,
            text: text.into(),
        }
    }
    fn greet(t: &str) -> f64 {
        if t.contains("pln") {
            1.0
        } else {
            0.0
        }
    }

    #[test]
    fn explicit_aliases() {
        let (turns, m) = assign(
            &[rt("CSO", "x"), rt("Pelanggan", "y")],
            &RoleOptions::default(),
            &greet,
        )
        .unwrap();
        assert_eq!(m, RoleMethod::Explicit);
        assert_eq!(turns[0].role, Role::Agent);
        assert_eq!(turns[1].role, Role::Caller);
    }

    #[test]
    fn inferred_from_greeting() {
        let (turns, m) = assign(
            &[rt("spk_1", "halo"), rt("spk_0", "pln 123 selamat pagi")],
            &RoleOptions::default(),
            &greet,
        )
        .unwrap();
        assert!(matches!(m, RoleMethod::Inferred { ref agent, .. } if agent == "spk_0"));
        assert_eq!(turns[0].role, Role::Caller);
        assert_eq!(turns[1].role, Role::Agent);
    }

    /// A greeting of three parts, each worth a third when said.
    fn parts(t: &str) -> f64 {
        ["pln", "selamat", "bantu"]
            .iter()
            .filter(|p| t.contains(*p))
            .count() as f64
            / 3.0
    }

    #[test]
    fn a_greeting_cut_over_turns_is_read_whole() {
        // The agent's greeting falls in two segments and the caller's first words
        // come first; the caller says one part of a greeting in one turn.
        let raw = [
            rt("1", "eh halo"),
            rt("2", "halo pln 123 dengan"),
            rt("2", "intan ada yang bisa dibantu"),
            rt("1", "selamat siang mbak saya mau lapor"),
            rt("2", "boleh alamatnya"),
        ];
        let (turns, m) = assign(&raw, &RoleOptions::default(), &parts).unwrap();
        assert!(
            matches!(m, RoleMethod::Inferred { ref agent, .. } if agent == "2"),
            "{m:?}"
        );
        assert_eq!(turns[1].role, Role::Agent);
        assert_eq!(turns[0].role, Role::Caller);
        // A caller who says "selamat siang" and asks for help is still no agent when
        // the other speaker greets fully in one turn.
        let raw = [
            rt("a", "selamat siang bisa bantu saya"),
            rt("b", "pln 123 selamat siang ada yang bisa dibantu"),
        ];
        let (_, m) = assign(&raw, &RoleOptions::default(), &parts).unwrap();
        assert!(
            matches!(m, RoleMethod::Inferred { ref agent, .. } if agent == "b"),
            "{m:?}"
        );
    }

    #[test]
    fn flag_matches_channel_numbers() {
        let (turns, m) = assign(
            &[rt("ch_0", "a"), rt("ch_1", "b")],
            &RoleOptions {
                agent_label: Some("0".into()),
            },
            &greet,
        )
        .unwrap();
        assert_eq!(m, RoleMethod::Flag);
        assert_eq!(turns[0].role, Role::Agent);
        assert_eq!(turns[1].role, Role::Caller);
    }

    #[test]
    fn system_turns_are_dropped_and_one_voice_is_rejected() {
        let (turns, m) = assign(
            &[
                rt("SYSTEM", "joined"),
                rt("AGENT", "x"),
                rt("CUSTOMER", "y"),
            ],
            &RoleOptions::default(),
            &greet,
        )
        .unwrap();
        assert_eq!(m, RoleMethod::Explicit);
        assert_eq!(turns.len(), 2);
        let e = assign(
            &[rt("unknown", "pln 123"), rt("unknown", "halo")],
            &RoleOptions::default(),
            &greet,
        )
        .unwrap_err();
        assert!(e.contains("diarisation"), "{e}");
    }

    #[test]
    fn undecidable_is_an_error() {
        assert!(assign(
            &[rt("spk_0", "a"), rt("spk_1", "b")],
            &RoleOptions::default(),
            &greet
        )
        .is_err());
    }
}

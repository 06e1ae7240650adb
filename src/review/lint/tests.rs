use super::*;

fn opts() -> LintOptions {
    LintOptions {
        min_letters: 6,
        fail_share: 0.5,
        min_calls: 10,
    }
}

fn run(text: &str) -> Lint {
    lint(&Source::new("p.toml", text), None, &opts()).unwrap()
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn slots_are_the_ones_the_audit_fills() {
    let call = crate::model::Call {
        meta: crate::model::CallMeta {
            call_id: "C1".into(),
            started_at: chrono::DateTime::parse_from_rfc3339("2026-11-20T08:00:00+07:00").unwrap(),
            duration_s: None,
            agent_id: "A1".into(),
            agent_name: "Andri".into(),
            site_code: "54".into(),
            team: String::new(),
            caller_number: String::new(),
            crm_caller_name: String::new(),
            transcript: String::new(),
            line: 2,
            file: "calls.csv".into(),
        },
        turns: Vec::new(),
        actions: Vec::new(),
        asr_confidence: None,
    };
    let slots = crate::steps::slots_for(&call, &Compiled::builtin());
    let mut names: Vec<&str> = slots.keys().copied().collect();
    names.sort_unstable();
    assert_eq!(names, SLOTS);
}

#[test]
fn own_confusions_concepts_and_split_affixes_are_known_keys() {
    let text = BUILTIN
        .replace(
            "[matching.confusions]\n",
            "[matching.confusions]\n\"mlam\" = \"malam\"\n",
        )
        .replace(
            "[concepts]\n",
            "[concepts]\nwait = [\"tunggu\", \"menunggu\"]\n",
        )
        .replace("split_suffixes = [", "split_suffixes = [\"ku\", ");
    assert_ne!(text, BUILTIN);
    let l = run(&text);
    assert!(
        !l.findings.iter().any(|f| f.kind == "unknown-key"),
        "{}",
        l.text("p.toml")
    );
    // A misspelt affix list is still named.
    let l = run(&BUILTIN.replace("split_prefixes =", "split_prefix ="));
    assert!(l.findings.iter().any(|f| f.kind == "unknown-key"));
}

#[test]
fn builtin_has_no_errors() {
    let l = run(BUILTIN);
    assert_eq!(l.errors(), 0, "{}", l.text("builtin"));
}

#[test]
fn unknown_key_with_hint_and_line() {
    let text = BUILTIN.replace("grace_minutes = 5", "grace_minutes = 5\ngrace_minutse = 3");
    let l = run(&text);
    let f = l.findings.iter().find(|f| f.kind == "unknown-key").unwrap();
    assert_eq!(f.line, Some(line_of(&text, "grace_minutse")));
    assert!(
        f.message.contains("did you mean \"grace_minutes\""),
        "{}",
        f.message
    );
    // The rest of the profile is still checked: nothing else is an error.
    assert_eq!(l.errors(), 1, "{}", l.text("p"));
}

#[test]
fn unknown_step_in_weights() {
    let text = BUILTIN.replacen("greeting = 1", "greetings = 1", 1);
    assert_ne!(text, BUILTIN);
    let l = run(&text);
    assert!(
        l.findings.iter().any(|f| f.kind == "unknown-key"
            && f.message.contains("unknown step id \"greetings\"")
            && f.line == Some(line_of(&text, "greetings = 1"))),
        "{}",
        l.text("p")
    );
}

#[test]
fn required_letters_take_the_shortest_alternative() {
    let norm = Compiled::builtin().norm;
    assert_eq!(required_letters("ok", &norm, 6), 2);
    assert_eq!(required_letters("baik|ok sudah? ... jelas", &norm, 6), 7);
    assert_eq!(required_letters("dengan {agent_name}", &norm, 6), 12);
}

#[test]
fn bad_toml_is_one_error_with_its_line() {
    let text = BUILTIN.replacen("window_s = 20.0", "window_s = = 20.0", 1);
    let l = run(&text);
    assert_eq!(l.findings.len(), 1);
    assert_eq!(l.findings[0].kind, "invalid");
    assert_eq!(l.findings[0].line, Some(line_of(&text, "window_s = =")));
}

#[test]
fn empty_list_is_an_error_at_its_key() {
    let text = BUILTIN.replacen("own_name = [\"{agent_name}\"]", "own_name = []", 1);
    assert_ne!(text, BUILTIN);
    let l = run(&text);
    let f = l.findings.iter().find(|f| f.kind == "empty-list").unwrap();
    assert_eq!(f.line, Some(line_of(&text, "own_name = []")));
    assert!(
        f.message.starts_with("steps.greeting.own_name"),
        "{}",
        f.message
    );
    assert_eq!(l.errors(), 1, "{}", l.text("p"));
}

#[test]
fn what_only_the_loader_rejects_is_reported() {
    let text = BUILTIN.replacen("fuzz = ", "fuzz = 7.0 #", 1);
    assert_ne!(text, BUILTIN);
    let l = run(&text);
    assert!(
        l.findings
            .iter()
            .any(|f| f.kind == "invalid" && f.message.contains("matching.fuzz")),
        "{}",
        l.text("p")
    );
}

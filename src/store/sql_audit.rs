//! Every SQL statement is parameterized. SQL text built with `format!` may
//! splice in only this module's `const` fragments (UPPER_CASE names) and the
//! fixed strings listed in [`FIXED`]; every value, user text above all, is a
//! bound parameter. This test reads the store's own sources and fails on any
//! other `{name}` in a `format!` that builds SQL.

/// The store's sources: the only files that speak SQL.
const SOURCES: &[(&str, &str)] = &[
    ("backup.rs", include_str!("backup.rs")),
    ("cards.rs", include_str!("cards.rs")),
    ("migrations.rs", include_str!("migrations.rs")),
    ("mod.rs", include_str!("mod.rs")),
    ("queue.rs", include_str!("queue.rs")),
    ("review.rs", include_str!("review.rs")),
    ("session.rs", include_str!("session.rs")),
    ("stats.rs", include_str!("stats.rs")),
    ("write.rs", include_str!("write.rs")),
];

/// Locals that hold SQL chosen from fixed strings, never from input.
const FIXED: &[(&str, &str)] = &[("session.rs", "rating")];

/// The format string of each `format!(` in `source`.
fn format_strings(source: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find("format!(") {
        rest = &rest[at + "format!(".len()..];
        let Some(open) = rest.find('"') else { break };
        let body = &rest[open + 1..];
        let mut end = None;
        let mut escaped = false;
        for (i, c) in body.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    end = Some(i);
                    break;
                }
                _ => escaped = false,
            }
        }
        let Some(end) = end else { break };
        out.push(&body[..end]);
        rest = &body[end..];
    }
    out
}

/// The names spliced into a format string (`{name}`, `{name:?}`), not `{{`.
fn spliced(format: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = format;
    while let Some(at) = rest.find('{') {
        if rest[at + 1..].starts_with('{') {
            rest = &rest[at + 2..];
            continue;
        }
        let Some(len) = rest[at..].find('}') else {
            break;
        };
        let inner = &rest[at + 1..at + len];
        names.push(inner.split(':').next().unwrap_or(inner));
        rest = &rest[at + len + 1..];
    }
    names
}

fn is_sql(text: &str) -> bool {
    ["SELECT", "INSERT", "UPDATE", "DELETE", "WHERE", "PRAGMA"]
        .iter()
        .any(|k| text.contains(k))
}

#[test]
fn sql_text_splices_only_constants() {
    let mut found = 0;
    for (file, source) in SOURCES {
        for format in format_strings(source).into_iter().filter(|f| is_sql(f)) {
            found += 1;
            for name in spliced(format) {
                let constant = !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
                assert!(
                    constant || FIXED.contains(&(*file, name)),
                    "{file}: SQL built with `{{{name}}}`, which is not a constant; bind it as a parameter"
                );
            }
        }
    }
    assert!(found > 5, "the audit found only {found} SQL format strings");
}

#[test]
fn the_audit_sees_a_value_spliced_into_sql() {
    let source = r#"let sql = format!("SELECT * FROM cards WHERE deck = '{deck}' AND {FILTER}");"#;
    let formats = format_strings(source);
    assert_eq!(formats.len(), 1);
    assert!(is_sql(formats[0]));
    assert_eq!(spliced(formats[0]), ["deck", "FILTER"]);
    assert_eq!(spliced("{{literal}} {X:?}"), ["X"]);
}

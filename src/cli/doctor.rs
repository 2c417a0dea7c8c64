//! `synack doctor`: the cards that need their author's attention.

use std::collections::HashMap;
use std::io::Write;

use anyhow::Result;
use clap::Args;

use super::{Ctx, Format};
use crate::deck::CardKind;
use crate::deck::doctor::{self, Problem, Subject};
use crate::render::visible;

#[derive(Debug, Args)]
pub struct DoctorArgs {
    #[arg(help = crate::tr!("cli-doctor-format"), long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(serde::Serialize)]
struct Json<'a> {
    count: usize,
    problems: &'a [Problem],
}

pub(super) fn run(ctx: &Ctx, args: DoctorArgs) -> Result<()> {
    let store = super::open(ctx)?;
    let data = store.backup_data_but_reviews()?;
    let paths: HashMap<i64, &str> = data
        .sources
        .iter()
        .map(|s| (s.id, s.path.as_str()))
        .collect();
    let subjects: Vec<Subject<'_>> = data
        .cards
        .iter()
        .filter(|c| !c.suspended && c.missing_since.is_none())
        .filter_map(|c| {
            Some(Subject {
                id: c.id,
                deck: &c.deck,
                kind: c.kind.parse::<CardKind>().ok()?,
                front: &c.front,
                back: &c.back,
                path: c
                    .source_id
                    .and_then(|s| paths.get(&s).copied())
                    .unwrap_or("?"),
                line: u32::try_from(c.line).unwrap_or(0),
            })
        })
        .collect();
    let demos: Vec<&str> = crate::sim::DEMOS.iter().map(|d| d.name).collect();
    let problems = doctor::check(&subjects, &demos);
    let mut out = super::buffered_stdout();
    match args.format {
        Format::Json => super::write_json(
            &mut out,
            &Json {
                count: problems.len(),
                problems: &problems,
            },
        )?,
        Format::Text => {
            let mut text = String::new();
            for p in &problems {
                text.push_str(&crate::tr!(
                    "doctor-line",
                    path = visible::visible(&p.path).into_owned(),
                    line = p.line,
                    reason = reason_text(p.reason),
                    front = visible::visible(&p.front).into_owned(),
                    detail = visible::visible(&p.detail).into_owned()
                ));
                text.push('\n');
            }
            if problems.is_empty() {
                text.push_str(&crate::tr!("doctor-none"));
            } else {
                text.push_str(&crate::tr!("doctor-count", count = problems.len()));
            }
            text.push('\n');
            let max = match ctx.style.width {
                0 => usize::MAX,
                w => w,
            };
            out.write_all(crate::render::width::fit(&text, max).as_bytes())?;
        }
    }
    out.flush()?;
    Ok(())
}

/// A problem's reason for people; the JSON keeps the code (`too long`, …).
fn reason_text(code: &str) -> String {
    match code {
        "too long" => crate::tr!("doctor-reason-too-long"),
        "nothing to recall" => crate::tr!("doctor-reason-nothing-to-recall"),
        "open question" => crate::tr!("doctor-reason-open-question"),
        "near-duplicate" => crate::tr!("doctor-reason-near-duplicate"),
        "self-talk" => crate::tr!("doctor-reason-self-talk"),
        "demo cannot run" => crate::tr!("doctor-reason-demo-cannot-run"),
        "parallel list" => crate::tr!("doctor-reason-parallel-list"),
        other => other.to_string(),
    }
}

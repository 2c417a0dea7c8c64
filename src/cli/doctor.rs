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
                text.push_str(&format!(
                    "{}:{}: {}: {} ({})\n",
                    visible::visible(&p.path),
                    p.line,
                    p.reason,
                    visible::visible(&p.front),
                    visible::visible(&p.detail)
                ));
            }
            if problems.is_empty() {
                text.push_str("No card needs attention.\n");
            } else {
                text.push_str(&format!("{} problems\n", problems.len()));
            }
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

//! `synack exercise`: lists the exercise templates, prints one generated
//! question, or checks an answer to it.

use std::io::Write;

use anyhow::Result;
use clap::Args;
use serde::Serialize;

use super::Format;
use crate::exercise::{self, TEMPLATES};
use crate::exit::UsageError;
use crate::render::width::{pad, width};

#[derive(Debug, Args)]
pub struct ExerciseArgs {
    #[arg(help = crate::tr!("cli-exercise-name"), value_name = "NAME")]
    pub name: String,
    #[arg(help = crate::tr!("cli-exercise-seed"), long, value_name = "N", default_value_t = 1)]
    pub seed: u64,
    #[arg(help = crate::tr!("cli-exercise-check"), long, value_name = "ANSWER")]
    pub check: Option<String>,
    #[arg(help = crate::tr!("cli-exercise-format"), long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Serialize)]
struct ListEntry {
    name: &'static str,
    demo: &'static str,
    title: String,
}

pub(super) fn run(args: ExerciseArgs) -> Result<()> {
    let width_now = super::output_width();
    let mut out = super::buffered_stdout();
    if args.name == "list" {
        if args.check.is_some() {
            return Err(UsageError(crate::tr!("exercise-list-check")).into());
        }
        let list: Vec<ListEntry> = TEMPLATES
            .iter()
            .map(|t| ListEntry {
                name: t.name,
                demo: t.demo,
                title: (t.title)(),
            })
            .collect();
        match args.format {
            Format::Json => super::write_json(&mut out, &list)?,
            Format::Text => {
                let w = list.iter().map(|e| width(e.name)).max().unwrap_or(0);
                let indent = " ".repeat(w + 2);
                for e in &list {
                    let text = format!("{}  {}", pad(e.name, w), e.title);
                    // Names like Go-Back-N and Access-Control-Max-Age stay whole.
                    let opts = textwrap::Options::new(width_now.max(w + 12))
                        .subsequent_indent(&indent)
                        .word_splitter(textwrap::WordSplitter::NoHyphenation);
                    for line in textwrap::wrap(&text, opts) {
                        writeln!(out, "{line}")?;
                    }
                }
            }
        }
        out.flush()?;
        return Ok(());
    }
    let template = exercise::template(&args.name)?;
    let generated = template.generate(args.seed)?;
    match (&args.check, args.format) {
        (Some(answer), Format::Json) => super::write_json(&mut out, &generated.check(answer))?,
        (Some(answer), Format::Text) => {
            let c = generated.check(answer);
            let verdict = if c.correct {
                crate::tr!("exercise-correct")
            } else {
                crate::tr!("exercise-not-correct", answer = c.expected.as_str())
            };
            for text in [verdict, c.explanation] {
                wrap_to(&mut out, &crate::render::visible(&text), width_now)?;
            }
        }
        (None, Format::Json) => super::write_json(&mut out, &generated)?,
        (None, Format::Text) => {
            let seed = args.seed.to_string();
            writeln!(
                out,
                "{}",
                crate::tr!(
                    "exercise-seed-line",
                    name = template.name,
                    seed = seed.as_str()
                )
            )?;
            wrap_to(&mut out, &generated.question, width_now)?;
            wrap_to(
                &mut out,
                &crate::tr!(
                    "exercise-check-hint",
                    name = template.name,
                    seed = seed.as_str()
                ),
                width_now,
            )?;
        }
    }
    out.flush()?;
    Ok(())
}

fn wrap_to(out: &mut impl Write, text: &str, columns: usize) -> Result<()> {
    let opts = textwrap::Options::new(columns.max(20))
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    for line in textwrap::wrap(text, opts) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

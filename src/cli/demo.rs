//! `synack demo`: lists the demos and runs one, printing its report as text
//! (optionally step by step) or JSON.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::Result;
use clap::{Args, Parser};
use serde::Serialize;

use super::Format;
use crate::exit::UsageError;
use crate::sim::render::Renderer;
use crate::sim::trace::Observer;
use crate::sim::{self, Block, Common, DEMOS, Emitter, Flow, OutputFormat, SimError};

#[derive(Debug, Args)]
pub struct DemoArgs {
    #[arg(
        help = crate::tr!("cli-demo-argv"),
        value_name = "NAME [OPTIONS]",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub argv: Vec<String>,
}

// `synack demo list`'s own options.
#[derive(Debug, Parser)]
#[command(name = "list", about = crate::tr!("cli-demo-list-about"))]
struct ListArgs {
    #[arg(help = crate::tr!("cli-demo-list-format"), long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Debug, Serialize)]
struct DemoJson {
    name: &'static str,
    title: String,
    summary: String,
    topics: &'static [&'static str],
}

pub(super) fn run(args: DemoArgs) -> Result<()> {
    if args.argv.is_empty() {
        return print_list(Format::Text);
    }
    if args.argv.first().map(String::as_str) == Some("list") {
        let list =
            crate::i18n::cli::parse_from::<ListArgs, _, _>(&args.argv).map_err(clap_error)?;
        return print_list(list.format);
    }
    let mut screen = Screen::new(super::output_width());
    let result = sim::run_with(&args.argv, &mut Emitter::live(&mut screen));
    let run = match result {
        Ok(run) => run,
        Err(SimError::Stopped) => return Ok(()),
        Err(SimError::Args(e)) => return Err(clap_error(e)),
        Err(e @ SimError::UnknownDemo(_)) => return Err(UsageError(e.to_string()).into()),
        Err(e) => return Err(e.into()),
    };
    screen.failed?;
    if run.common.format == OutputFormat::Json {
        super::write_json(&mut std::io::stdout().lock(), &run.report.json)?;
    }
    Ok(())
}

/// Draws a demo's blocks as they are emitted, so a live demo's step happens
/// when it is shown; with `--step` on a terminal, waits for Enter (or `q`)
/// after each block and then clears its prompt.
struct Screen {
    renderer: Renderer,
    text: bool,
    pause: bool,
    /// The `--step` prompt, in the current language.
    prompt: String,
    /// The first write error; the demo is stopped when there is one.
    failed: std::io::Result<()>,
}

impl Screen {
    fn new(width: usize) -> Screen {
        Screen {
            renderer: Renderer::new(width),
            text: false,
            pause: false,
            prompt: crate::tr!("demo-step-prompt"),
            failed: Ok(()),
        }
    }

    fn show(&mut self, block: &Block) -> std::io::Result<Flow> {
        let mut out = std::io::stdout().lock();
        out.write_all(self.renderer.block(block).as_bytes())?;
        if !self.pause {
            return Ok(Flow::Continue);
        }
        write!(out, "  {} ", self.prompt)?;
        out.flush()?;
        let mut line = String::new();
        let read = std::io::stdin().lock().read_line(&mut line)?;
        // The typed line moved the cursor down: go back up and wipe the prompt.
        write!(out, "\x1b[1A\r\x1b[2K")?;
        out.flush()?;
        let quit = read == 0 || line.trim().eq_ignore_ascii_case("q");
        Ok(if quit { Flow::Stop } else { Flow::Continue })
    }
}

impl Observer for Screen {
    fn start(&mut self, common: &Common) {
        self.text = common.format == OutputFormat::Text;
        self.pause = self.text
            && common.step
            && std::io::stdin().is_terminal()
            && std::io::stdout().is_terminal();
    }

    fn block(&mut self, block: &Block) -> Flow {
        if !self.text {
            return Flow::Continue;
        }
        match self.show(block) {
            Ok(flow) => flow,
            Err(e) => {
                self.failed = Err(e);
                Flow::Stop
            }
        }
    }
}

/// `--help` prints and succeeds; a bad option is a usage error of one
/// line, in the words clap's errors have elsewhere.
fn clap_error(e: clap::Error) -> anyhow::Error {
    crate::i18n::cli::error(e)
}

fn print_list(format: Format) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let list: Vec<DemoJson> = DEMOS
                .iter()
                .map(|d| DemoJson {
                    name: d.name,
                    title: (d.title)(),
                    summary: (d.summary)(),
                    topics: d.topics,
                })
                .collect();
            super::write_json(&mut out, &list)?;
        }
        Format::Text => {
            use crate::render::width::wrap_fitting;
            let columns = super::output_width();
            let name_w = DEMOS.iter().map(|d| d.name.len()).max().unwrap_or(0);
            let hang = " ".repeat(name_w + 2);
            for d in DEMOS {
                let head = format!("{:<name_w$}  ", d.name);
                let topics = crate::tr!("demo-list-topics", topics = d.topics.join(", "));
                let (title, summary) = ((d.title)(), (d.summary)());
                for (text, first) in [(&title, &head), (&summary, &hang), (&topics, &hang)] {
                    for line in wrap_fitting(text, columns, first, &hang) {
                        writeln!(out, "{line}")?;
                    }
                }
            }
        }
    }
    Ok(())
}

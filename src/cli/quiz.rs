//! `synack quiz`: the thin adapter between the terminal and
//! [`crate::quiz::Session`]. It reads lines (rustyline on a terminal, plain
//! lines from a pipe), passes them in with the time, and renders the events
//! as text or JSON lines. It also runs `$EDITOR` for `:edit`.

use std::io::{BufRead, IsTerminal, Write};
use std::process::Stdio;
use std::time::Instant;

use anyhow::{Context as _, Result, bail};
use clap::Args;
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{Editor, Helper};

use super::{Ctx, Format};
use crate::clock::Timestamp;
use crate::exit::UsageError;
use crate::quiz::plan::{self, Filter};
use crate::quiz::{COMMANDS, EditRequest, Event, Input, Prompt, Session, Tick};
use crate::render::terminal::{self, Style};
use crate::render::visible;
use crate::render::width::{fit, shorten_path, width, wrap};
use crate::schedule::config::SessionLimits;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct QuizArgs {
    #[arg(help = crate::tr!("cli-quiz-deck"), long, value_name = "DECK")]
    pub deck: Option<String>,
    #[arg(help = crate::tr!("cli-quiz-tag"), long, value_name = "TAG")]
    pub tag: Option<String>,
    #[arg(help = crate::tr!("cli-quiz-new"), long, value_name = "N")]
    pub new: Option<usize>,
    #[arg(help = crate::tr!("cli-quiz-limit"), long, value_name = "N")]
    pub limit: Option<usize>,
    #[arg(help = crate::tr!("cli-quiz-cram"), long)]
    pub cram: bool,
    #[arg(help = crate::tr!("cli-quiz-until"), long, value_name = "DATE")]
    pub until: Option<String>,
    #[arg(help = crate::tr!("cli-quiz-interview"), long, conflicts_with = "cram")]
    pub interview: bool,
    #[arg(help = crate::tr!("cli-quiz-format"), long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

pub(super) fn run(ctx: &Ctx, args: QuizArgs) -> Result<()> {
    let mut store = super::open_with_decks(ctx)?;
    let deck = match &args.deck {
        Some(d) => Some(super::cards::resolve_deck(&store, d)?),
        None => None,
    };
    // Like an unknown deck: a tag no card has is a typo, not an empty quiz.
    if let Some(tag) = &args.tag
        && !store.has_tag(tag)?
    {
        return Err(UsageError(format!(
            "no card has the tag {:?} (see the tags in `synack cards --format json`)",
            visible(tag)
        ))
        .into());
    }
    let config = super::schedule::load_config(&store)?;
    let sched = super::schedule::scheduler(ctx, &config)?;
    let filter = Filter {
        deck,
        tag: args.tag.clone(),
        session: SessionLimits {
            new: args.new,
            reviews: args.limit,
        },
        until: match &args.until {
            Some(d) => {
                let at = super::schedule::parse_date(ctx, d)
                    .map_err(|e| UsageError(format!("--until: {e:#}")))?;
                if at.0 <= ctx.now.0 {
                    return Err(UsageError(format!(
                        "--until {}: the date is not after today",
                        visible(d)
                    ))
                    .into());
                }
                Some(at)
            }
            None => super::schedule::exam_date(ctx, &config)?,
        },
    };
    if args.cram && args.until.is_some() {
        return Err(UsageError(
            "--until does not apply to --cram (cramming leaves the schedule alone)".into(),
        )
        .into());
    }
    if args.cram && args.new.is_some() {
        return Err(UsageError(
            "--new does not apply to --cram (it studies cards already learned)".into(),
        )
        .into());
    }
    let clock = Clock {
        fixed: ctx.fixed_now.then_some(ctx.now),
        start: Instant::now(),
    };
    let mut plan = plan::plan(&store, &config, sched, &filter, args.cram, clock.tick().now)?;
    // Command messages are fitted two columns narrower (room for `! `).
    plan.demo_width = super::output_width().saturating_sub(2);
    plan.interview = args.interview;
    let interactive = std::io::stdin().is_terminal() && args.format == Format::Text;
    let mut view = View {
        json: args.format == Format::Json,
        style: ctx.style,
        utc_offset: ctx.utc_offset,
        out: std::io::stdout(),
        choices: String::new(),
    };
    let (mut session, events) = Session::start(&mut store, plan, clock.tick())?;
    view.show(&events)?;
    let mut input = if interactive {
        let mut editor: Editor<QuizHelper, DefaultHistory> =
            Editor::new().context("cannot set up the terminal prompt")?;
        editor.set_helper(Some(QuizHelper));
        Reader::Terminal(Box::new(editor))
    } else {
        Reader::Script(std::io::stdin().lock())
    };
    while let Some(prompt) = session.prompt() {
        let line = input.read(prompt, &mut view)?;
        let mut events = session.apply(&mut store, line.clone(), clock.tick())?;
        // A person tries a grade again when it was not saved (the database
        // was busy past the timeout); a script cannot, and its next line
        // would be read at the wrong prompt. So the script's line is tried
        // again here, and if it still fails the session stops.
        let mut tries = 1;
        while !interactive && let Some(text) = unsaved(&events) {
            if tries == SCRIPT_TRIES {
                view.show(&events)?;
                bail!(
                    "{text} (tried {tries} times; stopping the scripted session, \
                     whose next lines would be read at the wrong prompt)"
                );
            }
            tries += 1;
            events = session.apply(&mut store, line.clone(), clock.tick())?;
        }
        view.show(&events)?;
        if let Some(request) = session.take_edit_request() {
            let outcome = edit(ctx, &mut store, &request, interactive);
            let text = match outcome {
                Ok(text) => text,
                Err(e) => crate::exit::one_line(&e),
            };
            let events = session.edited(&mut store, &text, clock.tick())?;
            view.show(&events)?;
        }
    }
    Ok(())
}

/// How many times a scripted session tries to save an input before it stops;
/// each try waits up to [`crate::store::BUSY_TIMEOUT`] for another writer.
const SCRIPT_TRIES: usize = 3;

/// The message, when the events say that the input was not saved.
fn unsaved(events: &[Event]) -> Option<&str> {
    match events {
        [Event::Command(c)] if !c.ok && c.command == "save" => Some(&c.text),
        _ => None,
    }
}

/// The time for each input: `SYNACK_NOW` stands still, the clock moves.
struct Clock {
    fixed: Option<Timestamp>,
    start: Instant,
}

impl Clock {
    fn tick(&self) -> Tick {
        // Under SYNACK_NOW time stands still, time spent included, so that
        // scripted sessions write the same database every run.
        let mono_ms = match self.fixed {
            Some(_) => 0,
            None => self.start.elapsed().as_millis() as i64,
        };
        Tick {
            now: self
                .fixed
                .unwrap_or_else(|| Timestamp(chrono::Utc::now().timestamp_millis())),
            mono_ms,
        }
    }
}

/// Where lines come from.
enum Reader {
    Terminal(Box<Editor<QuizHelper, DefaultHistory>>),
    Script(std::io::StdinLock<'static>),
}

impl Reader {
    fn read(&mut self, prompt: Prompt, view: &mut View) -> Result<Input> {
        let text = match prompt {
            Prompt::Answer => "answer › ",
            Prompt::Grade => "grade › ",
            Prompt::Points => "covered › ",
        };
        match self {
            Reader::Terminal(editor) => match editor.readline(text) {
                Ok(line) => {
                    if !line.trim().is_empty() {
                        let _ = editor.add_history_entry(line.as_str());
                    }
                    Ok(Input::Line(line))
                }
                Err(ReadlineError::Interrupted) => Ok(Input::Interrupt),
                // Ctrl-D, or the terminal went away: end the session cleanly.
                Err(ReadlineError::Eof) => Ok(Input::Eof),
                Err(e) => {
                    eprintln!("synack: the terminal stopped answering ({e}); ending the session");
                    Ok(Input::Eof)
                }
            },
            Reader::Script(stdin) => {
                let mut line = String::new();
                if stdin.read_line(&mut line).context("reading stdin")? == 0 {
                    return Ok(Input::Eof);
                }
                let line = line.trim_end_matches(['\n', '\r']).to_string();
                // Echo what was read after the prompt, so a transcript reads
                // like the terminal session it stands for.
                if !view.json {
                    let max = match view.style.width {
                        0 => usize::MAX,
                        w => w,
                    };
                    writeln!(
                        view.out,
                        "{}",
                        fit(&format!("{text}{}", visible(&line)), max)
                    )?;
                }
                Ok(Input::Line(line))
            }
        }
    }
}

/// Renders events.
struct View {
    json: bool,
    style: Style,
    utc_offset: i32,
    out: std::io::Stdout,
    /// Interview mode: the grade buttons of the reveal, shown once the
    /// points are marked.
    choices: String,
}

impl View {
    fn show(&mut self, events: &[Event]) -> Result<()> {
        let mut out = self.out.lock();
        for event in events {
            if self.json {
                serde_json::to_writer(&mut out, event)?;
                writeln!(out)?;
                continue;
            }
            let s = self.style;
            let max = if s.width == 0 { usize::MAX } else { s.width };
            match event {
                Event::Card(c) => {
                    let counts = format!(
                        "[{}/{}]  new {} · learn {} · due {}   ",
                        c.index, c.total, c.counts.new, c.counts.learn, c.counts.due,
                    );
                    let path = visible(&c.path);
                    let room = max.saturating_sub(width(&counts));
                    // Too little room beside the counts: the path goes below.
                    let head = if room >= 24 || width(&path) <= room {
                        format!("{counts}{}", shorten_path(&path, room))
                    } else {
                        format!("{}\n{}", counts.trim_end(), shorten_path(&path, max))
                    };
                    writeln!(out)?;
                    writeln!(out, "{}", dim(s, &head))?;
                    writeln!(out)?;
                    writeln!(out, "{}", bold(s, &fit(&visible(&c.front), max)))?;
                    if c.demos > 0 {
                        writeln!(out, "{}", dim(s, "(▶ :demo runs this card's demo)"))?;
                    }
                }
                Event::Reveal(r) => {
                    let rule = "─".repeat(max.min(40));
                    writeln!(out, "{}", dim(s, &rule))?;
                    let list = r.interview.as_ref().filter(|c| !c.points.is_empty());
                    if let Some(c) = &r.interview {
                        writeln!(out, "{}", dim(s, &format!("⏱ {}s", c.seconds)))?;
                    }
                    if let Some(c) = list {
                        let digits = c.points.len().to_string().len();
                        for (i, p) in c.points.iter().enumerate() {
                            let head = format!("{:>digits$}. ", i + 1);
                            let indent = " ".repeat(head.len());
                            writeln!(out, "{}", wrap(&visible(p), max, &head, &indent).join("\n"))?;
                        }
                        writeln!(
                            out,
                            "{}",
                            dim(s, &fit("Which did you cover? (e.g. 1 3, all, none)", max))
                        )?;
                    } else if r.back.trim().is_empty() {
                        writeln!(out, "(an open question: no answer written yet)")?;
                    } else {
                        writeln!(out, "{}", terminal::render(&r.back, s).trim_end())?;
                    }
                    if let Some(typed) = &r.typed {
                        writeln!(out, "{}", dim(s, &rule))?;
                        let typed = visible(typed);
                        writeln!(
                            out,
                            "{}",
                            wrap(&typed, max, "your answer: ", "  ").join("\n")
                        )?;
                        if let Some(h) = &r.recall {
                            let total = h.found.len() + h.missing.len();
                            let mut line = format!(
                                "key terms {}/{} ({:.0}%)",
                                h.found.len(),
                                total,
                                h.share * 100.0
                            );
                            if !h.missing.is_empty() {
                                let missing: Vec<&str> =
                                    h.missing.iter().take(8).map(String::as_str).collect();
                                let missing = visible(&missing.join(", ")).into_owned();
                                line += &format!(" · missing: {missing}");
                            }
                            writeln!(out, "{}", dim(s, &fit(&line, max)))?;
                        }
                    }
                    if let Some(x) = &r.exercise {
                        let verdict = if x.correct {
                            "✓ correct"
                        } else {
                            "✗ not correct"
                        };
                        let proposed = r.proposed.map_or(String::new(), |p| {
                            format!(" · Enter grades {} ({})", p as u8, p.as_str())
                        });
                        writeln!(out, "{}", bold(s, &format!("{verdict}{proposed}")))?;
                    }
                    let choices: Vec<String> = r
                        .choices
                        .iter()
                        .map(|c| format!("{} {} {}", c.rating as u8, c.label, c.interval))
                        .collect();
                    let mut line = choices.join("   ");
                    if r.cram {
                        line += "   (cram: the schedule stays as it is)";
                    }
                    if r.answered_elsewhere {
                        line += "   (answered in another session since it was shown: \
                                 recomputed from its new state)";
                    }
                    if list.is_some() {
                        self.choices = fit(&line, max);
                    } else {
                        writeln!(out, "{}", fit(&line, max))?;
                    }
                }
                Event::Covered(c) => {
                    let line = format!(
                        "covered {}/{} ({:.0}%) · Enter grades {} ({})",
                        c.covered.len(),
                        c.total,
                        c.share * 100.0,
                        c.proposed as u8,
                        c.proposed.as_str()
                    );
                    writeln!(out, "{}", bold(s, &fit(&line, max)))?;
                    writeln!(out, "{}", self.choices)?;
                }
                Event::FollowUp(f) => {
                    let q = format!("Follow-up: {}", visible(&f.question));
                    writeln!(out, "{}", bold(s, &wrap(&q, max, "", "  ").join("\n")))?;
                }
                Event::Grade(g) => {
                    let due = if g.cram {
                        "schedule unchanged".to_string()
                    } else {
                        format!("next in {}", g.interval)
                    };
                    let leech = if g.leech {
                        " · now a leech (forgotten often; consider rewriting it)"
                    } else {
                        ""
                    };
                    let how = if g.by_enter { " (Enter)" } else { "" };
                    let line = fit(&format!("→ {}{how} · {due}{leech}", g.rating), max);
                    writeln!(out, "{}", rating_colour(s, g.rating, &line))?;
                }
                Event::Command(c) => {
                    // Its lines are the session's; what they quote is shown.
                    let lines: Vec<_> = c.text.trim_end().split('\n').map(visible).collect();
                    let text = fit(&lines.join("\n"), max.saturating_sub(2));
                    if c.ok {
                        writeln!(out, "{text}")?;
                    } else {
                        writeln!(out, "! {text}")?;
                    }
                }
                Event::Summary(sum) => {
                    writeln!(out)?;
                    let title = if sum.cram {
                        "Session over (cram)"
                    } else {
                        "Session over"
                    };
                    writeln!(out, "{}", bold(s, title))?;
                    let rows = [
                        ("reviewed", sum.reviewed.to_string()),
                        // A rate of no grades is no rate, not 0%.
                        (
                            "again rate",
                            if sum.reviewed == 0 {
                                "-".to_string()
                            } else {
                                format!("{:.0}%", sum.again_rate * 100.0)
                            },
                        ),
                        ("new learned", sum.new_learned.to_string()),
                        ("time", duration(sum.seconds)),
                        (
                            "next due",
                            match sum.next_due.as_deref() {
                                None => "-".to_string(),
                                Some(t) if t == sum.ended_at => "now".to_string(),
                                Some(t) => self.local(t),
                            },
                        ),
                    ];
                    let w = rows.iter().map(|(k, _)| width(k)).max().unwrap_or(0);
                    for (k, v) in rows {
                        writeln!(out, "  {}{}  {v}", k, " ".repeat(w - width(k)))?;
                    }
                    if sum.left == 0 {
                        writeln!(out, "  Nothing more to study today.")?;
                    } else {
                        let line = format!(
                            "  {} left for today: `synack quiz` goes on from here.",
                            crate::render::count(sum.left, "card", "cards")
                        );
                        writeln!(out, "{}", fit(&line, max))?;
                    }
                }
            }
        }
        out.flush()?;
        Ok(())
    }

    /// An RFC 3339 time in the user's zone, to the minute.
    fn local(&self, rfc3339: &str) -> String {
        let offset = chrono::FixedOffset::east_opt(self.utc_offset);
        chrono::DateTime::parse_from_rfc3339(rfc3339)
            .ok()
            .zip(offset)
            .map(|(t, o)| t.with_timezone(&o).format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_else(|| rfc3339.to_string())
    }
}

fn duration(seconds: f64) -> String {
    let s = seconds.round() as i64;
    format!("{}m {:02}s", s / 60, s % 60)
}

fn bold(style: Style, s: &str) -> String {
    if style.color {
        format!("\x1b[1m{s}\x1b[22m")
    } else {
        s.to_string()
    }
}

/// The grade line in its button's colour: again red, hard amber, good
/// green, easy blue.
fn rating_colour(style: Style, rating: crate::schedule::Rating, s: &str) -> String {
    use crate::schedule::Rating;
    if !style.color {
        return s.to_string();
    }
    let code = match rating {
        Rating::Again => "31",
        Rating::Hard => "33",
        Rating::Good => "32",
        Rating::Easy => "34",
    };
    format!("\x1b[{code}m{s}\x1b[39m")
}

fn dim(style: Style, s: &str) -> String {
    if style.color {
        format!("\x1b[2m{s}\x1b[22m")
    } else {
        s.to_string()
    }
}

/// `:edit`: runs `$VISUAL` or `$EDITOR` (else `vi`) on the card's note at its
/// line, then re-imports that one file. Nothing but the editor is run, with
/// the note's path as its argument; no shell is involved.
fn edit(ctx: &Ctx, store: &mut Store, request: &EditRequest, interactive: bool) -> Result<String> {
    let editor = std::env::var("VISUAL")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .or_else(|| {
            std::env::var("EDITOR")
                .ok()
                .filter(|v| !v.trim().is_empty())
        })
        .unwrap_or_else(|| "vi".to_string());
    let mut words = editor.split_whitespace();
    let program = words.next().context("$EDITOR is empty")?;
    let imported_from = store.card(request.card_id)?.and_then(|c| c.source);
    if imported_from.as_deref() != Some(request.path.as_str()) {
        bail!(
            "{}: card #{} no longer comes from this note; not opened",
            visible(&request.path),
            request.card_id
        );
    }
    let path = &note_to_edit(std::path::Path::new(&request.path))
        .map_err(|why| anyhow::anyhow!("{}: {why}; not opened", visible(&request.path)))?;
    let mut cmd = std::process::Command::new(program);
    cmd.args(words).arg(format!("+{}", request.line)).arg(path);
    if !interactive {
        // Scripted input belongs to the quiz, not to the editor.
        cmd.stdin(Stdio::null());
    }
    let status = cmd
        .status()
        .with_context(|| format!("cannot run the editor {program:?} (set $EDITOR)"))?;
    if !status.success() {
        bail!("the editor {program:?} exited with {status}; nothing re-imported");
    }
    let files = crate::import::files::collect(&[path.to_path_buf()], false)?;
    let report = crate::import::import(store, files, ctx.now)?;
    let t = &report.totals;
    Ok(format!(
        "re-imported {}: {} added · {} updated · {} unchanged",
        visible(&request.path),
        t.added,
        t.updated,
        t.unchanged
    ))
}

/// The note `:edit` may open at `path`, the source path a card was
/// imported from: an absolute path (as an import records it) to a regular
/// file with a note extension, reached through no symbolic link (an import
/// records the canonical path, so a link found there now is not the file
/// that was imported). A path a restored backup named, such as
/// `/etc/passwd`, is refused.
fn note_to_edit(path: &std::path::Path) -> std::result::Result<std::path::PathBuf, String> {
    if !path.is_absolute() {
        return Err("not an absolute path, as an import records a note".into());
    }
    if !crate::import::files::has_note_extension(path) {
        return Err(format!(
            "not a note file (.{})",
            crate::import::files::NOTE_EXTENSIONS.join(", .")
        ));
    }
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err("the note is no longer there".into());
        }
        Err(e) => return Err(format!("cannot read it: {e}")),
    };
    if meta.file_type().is_symlink() {
        return Err("a link, not the file that was imported".into());
    }
    if !meta.file_type().is_file() {
        return Err("not a regular file".into());
    }
    match std::fs::canonicalize(path) {
        Ok(real) if real == path => Ok(real),
        Ok(real) => Err(format!(
            "it leads to {} through a link, not the file that was imported",
            real.display()
        )),
        Err(e) => Err(format!("cannot read it: {e}")),
    }
}

/// Tab completion of `:commands`.
#[derive(Debug)]
struct QuizHelper;

impl Completer for QuizHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &rustyline::Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let typed = &line[..pos];
        if !typed.starts_with(':') || typed.contains(char::is_whitespace) {
            return Ok((pos, Vec::new()));
        }
        let matches = COMMANDS
            .iter()
            .filter(|(c, _)| c.starts_with(typed))
            .map(|(c, _)| Pair {
                display: c.to_string(),
                replacement: c.to_string(),
            })
            .collect();
        Ok((0, matches))
    }
}

impl Hinter for QuizHelper {
    type Hint = String;
}

impl Highlighter for QuizHelper {}

impl Validator for QuizHelper {}

impl Helper for QuizHelper {}

#[cfg(test)]
mod tests {
    use super::note_to_edit;

    /// Regression (issue 24, item 6): `:edit` opened any path a card's note
    /// had, `/etc/passwd` included.
    #[test]
    fn only_a_regular_note_file_at_its_own_path_is_opened() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let note = root.join("note.md");
        std::fs::write(&note, "# n\n").unwrap();
        assert_eq!(note_to_edit(&note).unwrap(), note);
        let conf = root.join("secret.conf");
        std::fs::write(&conf, "x").unwrap();
        let link = root.join("link.md");
        std::os::unix::fs::symlink(&conf, &link).unwrap();
        std::fs::create_dir(root.join("dir.md")).unwrap();
        std::os::unix::fs::symlink(&root, root.join("via")).unwrap();
        for (path, why) in [
            (conf.clone(), "not a note file"),
            (link, "a link"),
            (root.join("dir.md"), "not a regular file"),
            (root.join("gone.md"), "no longer there"),
            (root.join("via/note.md"), "through a link"),
            ("note.md".into(), "not an absolute path"),
            ("/etc/passwd".into(), "not a note file"),
        ] {
            let err = note_to_edit(&path).unwrap_err();
            assert!(err.contains(why), "{}: {err}", path.display());
        }
    }
}

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
use crate::schedule::Rating;
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
        return Err(UsageError(crate::tr!(
            "quiz-no-such-tag",
            tag = format!("{:?}", visible(tag))
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
                    return Err(UsageError(crate::tr!(
                        "quiz-until-not-after-today",
                        date = visible(d).into_owned()
                    ))
                    .into());
                }
                Some(at)
            }
            None => super::schedule::exam_date(ctx, &config)?,
        },
    };
    if args.cram && args.until.is_some() {
        return Err(UsageError(crate::tr!("quiz-until-and-cram")).into());
    }
    if args.cram && args.new.is_some() {
        return Err(UsageError(crate::tr!("quiz-new-and-cram")).into());
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
            Editor::new().with_context(|| crate::tr!("quiz-no-prompt"))?;
        editor.set_helper(Some(QuizHelper));
        Reader::Terminal(Box::new(editor))
    } else {
        Reader::Script(std::io::stdin().lock())
    };
    while let Some(prompt) = session.prompt() {
        let line = input.read(prompt, session.enter_rating(), &mut view)?;
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
                    "{}",
                    crate::tr!("quiz-script-gave-up", why = text, tries = tries)
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
    fn read(&mut self, prompt: Prompt, enter: Rating, view: &mut View) -> Result<Input> {
        // Fluent drops a message's trailing blank: the prompt's is added here.
        let text = match prompt {
            Prompt::Answer => crate::tr!("quiz-prompt-answer"),
            Prompt::Grade => crate::tr!("quiz-prompt-grade", enter = enter.word()),
            Prompt::Points => crate::tr!("quiz-prompt-covered"),
            Prompt::FollowUp => crate::tr!("quiz-spoken-prompt"),
        } + " ";
        let text = text.as_str();
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
                    eprintln!(
                        "synack: {}",
                        crate::tr!("quiz-terminal-gone", why = e.to_string())
                    );
                    Ok(Input::Eof)
                }
            },
            Reader::Script(stdin) => {
                let mut line = String::new();
                if stdin
                    .read_line(&mut line)
                    .with_context(|| crate::tr!("quiz-reading-stdin"))?
                    == 0
                {
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
                    let counts = crate::tr!(
                        "quiz-card-counts",
                        index = c.index,
                        total = c.total,
                        new = c.counts.new,
                        learn = c.counts.learn,
                        due = c.counts.due
                    ) + "   ";
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
                    if c.ahead {
                        let note = fit(&crate::tr!("quiz-follow-up-ahead"), max);
                        writeln!(out, "{}", dim(s, &note))?;
                    }
                    if c.demos > 0 {
                        writeln!(out, "{}", dim(s, &fit(&crate::tr!("quiz-card-demo"), max)))?;
                    }
                }
                Event::Reveal(r) => {
                    let rule = "─".repeat(max.min(40));
                    writeln!(out, "{}", dim(s, &rule))?;
                    let list = r.interview.as_ref().filter(|c| !c.points.is_empty());
                    if let Some(c) = &r.interview {
                        let timer = crate::tr!("quiz-timer", seconds = c.seconds);
                        writeln!(out, "{}", dim(s, &timer))?;
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
                            dim(s, &fit(&crate::tr!("quiz-which-covered"), max))
                        )?;
                    } else if r.back.trim().is_empty() {
                        writeln!(out, "{}", fit(&crate::tr!("quiz-open-question"), max))?;
                    } else {
                        writeln!(out, "{}", terminal::render(&r.back, s).trim_end())?;
                    }
                    if let Some(typed) = &r.typed {
                        writeln!(out, "{}", dim(s, &rule))?;
                        let typed = visible(typed);
                        let head = crate::tr!("quiz-your-answer") + " ";
                        writeln!(out, "{}", wrap(&typed, max, &head, "  ").join("\n"))?;
                        if let Some(h) = &r.recall {
                            let total = h.found.len() + h.missing.len();
                            let mut line = crate::tr!(
                                "quiz-key-terms",
                                found = h.found.len(),
                                total = total,
                                percent = format!("{:.0}", h.share * 100.0)
                            );
                            if !h.missing.is_empty() {
                                let missing: Vec<&str> =
                                    h.missing.iter().take(8).map(String::as_str).collect();
                                let missing = visible(&missing.join(", ")).into_owned();
                                line += " · ";
                                line += &crate::tr!("quiz-key-terms-missing", terms = missing);
                            }
                            writeln!(out, "{}", dim(s, &fit(&line, max)))?;
                        }
                    }
                    if let Some(x) = &r.exercise {
                        let verdict = if x.correct {
                            crate::tr!("quiz-correct")
                        } else {
                            crate::tr!("quiz-not-correct")
                        };
                        let proposed = r
                            .proposed
                            .map_or(String::new(), |p| format!(" · {}", enter_grades(p)));
                        let line = fit(&format!("{verdict}{proposed}"), max);
                        writeln!(out, "{}", bold(s, &line))?;
                    }
                    let choices: Vec<String> = r
                        .choices
                        .iter()
                        .map(|c| format!("{} {} {}", c.rating as u8, c.rating.word(), c.interval))
                        .collect();
                    let mut line = choices.join("   ");
                    if r.cram {
                        line += "   ";
                        line += &crate::tr!("quiz-cram-note");
                    }
                    if r.answered_elsewhere {
                        line += "   ";
                        line += &crate::tr!("quiz-answered-elsewhere-note");
                    }
                    if list.is_some() {
                        self.choices = fit(&line, max);
                    } else {
                        writeln!(out, "{}", fit(&line, max))?;
                    }
                }
                Event::Covered(c) => {
                    let line = format!(
                        "{} · {}",
                        crate::tr!(
                            "quiz-covered",
                            covered = c.covered.len(),
                            total = c.total,
                            percent = format!("{:.0}", c.share * 100.0)
                        ),
                        enter_grades(c.proposed)
                    );
                    writeln!(out, "{}", bold(s, &fit(&line, max)))?;
                    writeln!(out, "{}", self.choices)?;
                }
                Event::FollowUp(f) => {
                    let q = crate::tr!(
                        "quiz-spoken-follow-up",
                        question = visible(&f.question).into_owned()
                    );
                    writeln!(out)?;
                    writeln!(out, "{}", bold(s, &wrap(&q, max, "", "  ").join("\n")))?;
                }
                Event::FollowUpAnswer(a) => {
                    let said = if a.answered {
                        crate::tr!("quiz-spoken-answered")
                    } else {
                        crate::tr!("quiz-spoken-not-answered")
                    };
                    writeln!(out, "{}", dim(s, &fit(&format!("→ {said}"), max)))?;
                }
                Event::Grade(g) => {
                    let due = if g.cram {
                        crate::tr!("quiz-schedule-unchanged")
                    } else {
                        crate::tr!("quiz-next-in", interval = g.interval.as_str())
                    };
                    let leech = if g.leech {
                        format!(" · {}", crate::tr!("quiz-now-a-leech"))
                    } else {
                        String::new()
                    };
                    let how = if g.by_enter { " (Enter)" } else { "" };
                    let line = fit(&format!("→ {}{how} · {due}{leech}", g.rating.word()), max);
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
                        crate::tr!("quiz-summary-title-cram")
                    } else {
                        crate::tr!("quiz-summary-title")
                    };
                    writeln!(out, "{}", bold(s, &title))?;
                    let rows = [
                        (
                            crate::tr!("quiz-summary-reviewed"),
                            sum.reviewed.to_string(),
                        ),
                        // A rate of no grades is no rate, not 0%.
                        (
                            crate::tr!("quiz-summary-again-rate"),
                            if sum.reviewed == 0 {
                                "-".to_string()
                            } else {
                                format!("{:.0}%", sum.again_rate * 100.0)
                            },
                        ),
                        (
                            crate::tr!("quiz-summary-new-learned"),
                            sum.new_learned.to_string(),
                        ),
                        (crate::tr!("quiz-summary-time"), duration(sum.seconds)),
                        (
                            crate::tr!("quiz-summary-next-due"),
                            match sum.next_due.as_deref() {
                                None => "-".to_string(),
                                Some(t) if t == sum.ended_at => crate::tr!("quiz-summary-now"),
                                Some(t) => self.local(t),
                            },
                        ),
                    ];
                    let mut rows = rows.to_vec();
                    if sum.follow_ups_asked > 0 {
                        rows.push((
                            crate::tr!("quiz-summary-follow-ups"),
                            crate::tr!(
                                "quiz-summary-follow-ups-value",
                                answered = sum.follow_ups_answered,
                                asked = sum.follow_ups_asked
                            ),
                        ));
                    }
                    let w = rows.iter().map(|(k, _)| width(k)).max().unwrap_or(0);
                    for (k, v) in rows {
                        let line = format!("  {}{}  {v}", k, " ".repeat(w - width(&k)));
                        writeln!(out, "{}", fit(&line, max))?;
                    }
                    if sum.left == 0 {
                        let line = format!("  {}", crate::tr!("quiz-summary-nothing-left"));
                        writeln!(out, "{}", fit(&line, max))?;
                    } else {
                        let line =
                            format!("  {}", crate::tr!("quiz-summary-left", count = sum.left));
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
    crate::quiz::minutes(seconds.round() as i64 * 1000)
}

/// `Enter grades 3 (good)`: what Enter gives at the grade prompt.
fn enter_grades(r: Rating) -> String {
    crate::tr!("quiz-enter-grades", n = r as u8, rating = r.word())
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
    let program = words
        .next()
        .with_context(|| crate::tr!("quiz-editor-empty"))?;
    let imported_from = store.card(request.card_id)?.and_then(|c| c.source);
    if imported_from.as_deref() != Some(request.path.as_str()) {
        bail!(
            "{}",
            crate::tr!(
                "quiz-edit-moved",
                path = visible(&request.path).into_owned(),
                id = request.card_id
            )
        );
    }
    let path = &note_to_edit(std::path::Path::new(&request.path)).map_err(|why| {
        anyhow::anyhow!(
            "{}",
            crate::tr!(
                "quiz-edit-refused",
                path = visible(&request.path).into_owned(),
                why = why
            )
        )
    })?;
    let mut cmd = std::process::Command::new(program);
    cmd.args(words).arg(format!("+{}", request.line)).arg(path);
    if !interactive {
        // Scripted input belongs to the quiz, not to the editor.
        cmd.stdin(Stdio::null());
    }
    let status = cmd
        .status()
        .with_context(|| crate::tr!("quiz-editor-cannot-run", program = format!("{program:?}")))?;
    if !status.success() {
        bail!(
            "{}",
            crate::tr!(
                "quiz-editor-failed",
                program = format!("{program:?}"),
                status = status.to_string()
            )
        );
    }
    let files = crate::import::files::collect(&[path.to_path_buf()], false)?;
    let report = crate::import::import(store, files, ctx.now)?;
    let t = &report.totals;
    Ok(crate::tr!(
        "quiz-reimported",
        path = visible(&request.path).into_owned(),
        added = t.added,
        updated = t.updated,
        unchanged = t.unchanged
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
        return Err(crate::tr!("quiz-note-not-absolute"));
    }
    if !crate::import::files::has_note_extension(path) {
        return Err(crate::tr!(
            "quiz-note-not-a-note",
            extensions = crate::import::files::NOTE_EXTENSIONS.join(", .")
        ));
    }
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(crate::tr!("quiz-note-gone"));
        }
        Err(e) => return Err(crate::tr!("quiz-note-unreadable", why = e.to_string())),
    };
    if meta.file_type().is_symlink() {
        return Err(crate::tr!("quiz-note-a-link"));
    }
    if !meta.file_type().is_file() {
        return Err(crate::tr!("quiz-note-not-a-file"));
    }
    match std::fs::canonicalize(path) {
        Ok(real) if real == path => Ok(real),
        Ok(real) => Err(crate::tr!(
            "quiz-note-through-a-link",
            real = real.display().to_string()
        )),
        Err(e) => Err(crate::tr!("quiz-note-unreadable", why = e.to_string())),
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
            .filter(|c| c.starts_with(typed))
            .map(|c| Pair {
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

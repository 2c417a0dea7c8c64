//! `synack cards` and `synack show`.

use std::io::Write;

use anyhow::{Context, Result, bail};
use clap::Args;
use serde::Serialize;

use super::{CardsArgs, Ctx, Format, ShowArgs};
use crate::exit::UsageError;
use crate::render::width::{fit, pad, truncate, width, wrap};
use crate::render::{terminal, visible};
use crate::sim::{self, DemoLink, SimError};
use crate::store::{CardDemo, CardFilter, CardRow, Store};

/// A card in `--format json`: a stable shape, apart from the storage row.
/// Fields are only ever added, never renamed.
#[derive(Debug, Serialize)]
struct CardJson<'a> {
    id: i64,
    deck: &'a str,
    front: &'a str,
    back: &'a str,
    kind: &'a str,
    tags: &'a [String],
    heading_path: &'a [String],
    source: Option<&'a str>,
    line: u32,
    /// Out of study: suspended by the user, or its text left the notes.
    suspended: bool,
    /// Its text is no longer in the notes.
    missing: bool,
    created_at: String,
    updated_at: String,
    /// The demos the card links to, in order.
    demos: Vec<DemoJson<'a>>,
}

/// A card's demo link in `--format json`.
#[derive(Debug, Serialize)]
struct DemoJson<'a> {
    name: &'a str,
    /// The query as written in the link, `""` if none.
    args: &'a str,
    /// Written in the notes (true) or found by a topic rule (false).
    explicit: bool,
    /// What `synack show --demo` runs: `synack demo` and these.
    argv: Vec<String>,
}

impl<'a> From<&'a CardDemo> for DemoJson<'a> {
    fn from(d: &'a CardDemo) -> Self {
        DemoJson {
            name: &d.name,
            args: &d.args,
            explicit: d.explicit,
            argv: link(d).argv(),
        }
    }
}

fn link(d: &CardDemo) -> DemoLink {
    DemoLink {
        name: d.name.clone(),
        args: d.args.clone(),
    }
}

impl<'a> From<&'a CardRow> for CardJson<'a> {
    fn from(c: &'a CardRow) -> Self {
        CardJson {
            id: c.id,
            deck: &c.deck,
            front: &c.front,
            back: &c.back,
            kind: c.kind.as_str(),
            tags: &c.tags,
            heading_path: &c.heading_path,
            source: c.source.as_deref(),
            line: c.line,
            suspended: c.is_suspended(),
            missing: c.missing,
            created_at: c.created_at.to_rfc3339(),
            updated_at: c.updated_at.to_rfc3339(),
            demos: c.demos.iter().map(DemoJson::from).collect(),
        }
    }
}

pub(super) fn list(ctx: &Ctx, args: CardsArgs) -> Result<()> {
    let store = super::open_with_decks(ctx)?;
    let deck = match &args.deck {
        Some(d) => Some(resolve_deck(&store, d)?),
        None => None,
    };
    let filter = CardFilter {
        deck,
        tag: args.tag.clone(),
        search: args.search.clone().filter(|s| !s.is_empty()),
    };
    let mut cards = store.cards(&filter)?;
    if args.suspended {
        cards.retain(CardRow::is_suspended);
    }
    let mut out = super::buffered_stdout();
    match args.format {
        Format::Json => {
            let json: Vec<CardJson<'_>> = cards.iter().map(CardJson::from).collect();
            super::write_json(&mut out, &json)?;
        }
        Format::Text => write_list(&mut out, &cards, ctx.style.width)?,
    }
    out.flush()?;
    Ok(())
}

fn write_list(out: &mut impl Write, cards: &[CardRow], max: usize) -> std::io::Result<()> {
    if cards.is_empty() {
        return writeln!(out, "{}", crate::tr!("cards-none-match"));
    }
    let (h_id, h_kind, h_deck, h_front) = (
        crate::tr!("cards-head-id"),
        crate::tr!("cards-head-kind"),
        crate::tr!("cards-head-deck"),
        crate::tr!("cards-head-front"),
    );
    let (not_in_notes, suspended_mark) = (
        format!("  {}", crate::tr!("cards-mark-missing")),
        format!("  {}", crate::tr!("cards-mark-suspended")),
    );
    let id_w = cards
        .iter()
        .map(|c| c.id.to_string().len())
        .max()
        .unwrap_or(2)
        .max(width(&h_id));
    let kind_w = cards
        .iter()
        .map(|c| c.kind.as_str().len())
        .max()
        .unwrap_or(4)
        .max(width(&h_kind));
    let deck_w = cards
        .iter()
        .map(|c| width(&visible(&c.deck)))
        .max()
        .unwrap_or(4)
        .clamp(width(&h_deck).min(28), 28)
        // The front needs the room more than the deck, whose name repeats.
        .min((max.saturating_sub(id_w + kind_w + 8) / 3).max(8));
    let front_room = max.saturating_sub(id_w + kind_w + deck_w + 8).max(10);
    // `▶` marks a card with a demo to run (`synack show ID --demo`).
    writeln!(
        out,
        "{}{h_id}    {}  {}  {h_front}",
        " ".repeat(id_w.saturating_sub(width(&h_id))),
        pad(&h_kind, kind_w),
        pad(&truncate(&h_deck, deck_w), deck_w)
    )?;
    let mut decks: Vec<&str> = Vec::new();
    let mut out_of_study = 0;
    for c in cards {
        if !decks.contains(&c.deck.as_str()) {
            decks.push(&c.deck);
        }
        let mark = if c.missing {
            not_in_notes.as_str()
        } else if c.suspended {
            suspended_mark.as_str()
        } else {
            ""
        };
        out_of_study += usize::from(c.is_suspended());
        let demo = if c.demos.is_empty() { ' ' } else { '▶' };
        // The front is the first line of it, cut to what the mark leaves.
        let front = visible(c.front.lines().next().unwrap_or_default()).into_owned();
        let front = truncate(&front, front_room.saturating_sub(width(mark)).max(4));
        writeln!(
            out,
            "{:>id_w$} {demo}  {}  {}  {front}{mark}",
            c.id,
            pad(c.kind.as_str(), kind_w),
            pad(&truncate(&visible(&c.deck), deck_w), deck_w),
        )?;
    }
    write!(
        out,
        "{}",
        crate::tr!("cards-total", cards = cards.len(), decks = decks.len())
    )?;
    if out_of_study > 0 {
        write!(
            out,
            " {}",
            crate::tr!("cards-total-suspended", count = out_of_study)
        )?;
    }
    writeln!(out)
}

// The cards `synack suspend` and `synack unsuspend` change.
#[derive(Debug, Args)]
#[command(group(
    clap::ArgGroup::new("which")
        .required(true)
        .multiple(true)
        .args(["ids", "deck", "tag", "search", "leeches"])
))]
pub struct SuspendArgs {
    #[arg(help = crate::tr!("cli-suspend-ids"), value_name = "CARD_ID", conflicts_with_all = ["deck", "tag", "search", "leeches"])]
    pub ids: Vec<i64>,
    #[arg(help = crate::tr!("cli-suspend-deck"), long, value_name = "DECK")]
    pub deck: Option<String>,
    #[arg(help = crate::tr!("cli-suspend-tag"), long, value_name = "TAG")]
    pub tag: Option<String>,
    #[arg(help = crate::tr!("cli-suspend-search"), long, value_name = "TEXT")]
    pub search: Option<String>,
    #[arg(help = crate::tr!("cli-suspend-leeches"), long)]
    pub leeches: bool,
}

/// `synack suspend` (`suspended`) and `synack unsuspend`.
pub(super) fn suspend(ctx: &Ctx, args: SuspendArgs, suspended: bool) -> Result<()> {
    let mut store = super::open_with_decks(ctx)?;
    let cards = if args.ids.is_empty() {
        let deck = match &args.deck {
            Some(d) => Some(resolve_deck(&store, d)?),
            None => None,
        };
        let filter = CardFilter {
            deck,
            tag: args.tag.clone(),
            search: args.search.clone().filter(|s| !s.is_empty()),
        };
        let mut cards = store.cards(&filter)?;
        if args.leeches {
            cards.retain(|c| c.tags.iter().any(|t| t.eq_ignore_ascii_case(LEECH_TAG)));
        }
        cards
    } else {
        let mut ids = args.ids.clone();
        let mut seen = std::collections::HashSet::new();
        ids.retain(|id| seen.insert(*id));
        let missing = store.missing_cards(&ids)?;
        if !missing.is_empty() {
            let list: Vec<String> = missing.iter().map(|id| format!("#{id}")).collect();
            bail!(
                "{}",
                crate::tr!("cards-no-such-cards", ids = list.join(", "))
            );
        }
        let mut cards = Vec::with_capacity(ids.len());
        for id in ids {
            // Read just now; a card deleted since is an error like any.
            match store.card(id)? {
                Some(card) => cards.push(card),
                None => bail!(
                    "{}",
                    crate::tr!("cards-no-such-cards", ids = format!("#{id}"))
                ),
            }
        }
        cards
    };
    let ids: Vec<i64> = cards.iter().map(|c| c.id).collect();
    let changed: std::collections::HashSet<i64> = store
        .set_suspended_all(&ids, suspended)?
        .into_iter()
        .collect();
    let mut out = std::io::stdout().lock();
    if cards.is_empty() {
        writeln!(out, "{}", crate::tr!("cards-none-match-unchanged"))?;
        return Ok(());
    }
    if suspended {
        let done = cards.iter().filter(|c| changed.contains(&c.id)).count();
        writeln!(
            out,
            "{}{}",
            crate::tr!("cards-suspended", count = done),
            id_list(&cards, |c| changed.contains(&c.id))
        )?;
        let already = cards.len() - done;
        if already > 0 {
            writeln!(
                out,
                "{}",
                crate::tr!("cards-already-suspended", count = already)
            )?;
        }
        if done > 0 {
            writeln!(out, "{}", crate::tr!("cards-suspend-hint"))?;
        }
    } else {
        // A card gone from the notes stays out of study: its flag is cleared,
        // so an import that finds its text again brings it back unsuspended.
        let back = |c: &CardRow| changed.contains(&c.id) && !c.missing;
        let done = cards.iter().filter(|c| back(c)).count();
        writeln!(
            out,
            "{}{}",
            crate::tr!("cards-unsuspended", count = done),
            id_list(&cards, back)
        )?;
        let gone = cards.iter().filter(|c| c.missing).count();
        let not = cards.len() - done - gone;
        if not > 0 {
            writeln!(out, "{}", crate::tr!("cards-not-suspended", count = not))?;
        }
        if gone > 0 {
            writeln!(
                out,
                "{}",
                crate::tr!(
                    "cards-stay-out",
                    count = gone,
                    ids = id_list(&cards, |c| c.missing)
                )
            )?;
        }
    }
    Ok(())
}

/// The tag a leech gets (`leech_threshold` lapses).
const LEECH_TAG: &str = "leech";

/// `: #3, #7` for the cards `which` keeps, when there are few enough to
/// name; nothing otherwise.
fn id_list(cards: &[CardRow], which: impl Fn(&CardRow) -> bool) -> String {
    const MAX: usize = 10;
    let ids: Vec<String> = cards
        .iter()
        .filter(|c| which(c))
        .map(|c| format!("#{}", c.id))
        .collect();
    if ids.is_empty() || ids.len() > MAX {
        String::new()
    } else {
        format!(": {}", ids.join(", "))
    }
}

/// `--deck` takes the exact name (any case), or a part that names one deck.
pub(super) fn resolve_deck(store: &Store, wanted: &str) -> Result<String> {
    let decks = store.decks()?;
    if let Some(d) = decks
        .iter()
        .find(|d| d.name.to_lowercase() == wanted.to_lowercase())
    {
        return Ok(d.name.clone());
    }
    let lower = wanted.to_lowercase();
    let matches: Vec<&str> = decks
        .iter()
        .filter(|d| d.name.to_lowercase().contains(&lower))
        .map(|d| d.name.as_str())
        .collect();
    match matches.as_slice() {
        [one] => Ok(one.to_string()),
        [] => {
            let names: Vec<&str> = decks.iter().map(|d| d.name.as_str()).collect();
            Err(UsageError(crate::tr!(
                "cards-no-such-deck",
                deck = format!("{wanted:?}"),
                decks = names.join(", ")
            ))
            .into())
        }
        many => Err(UsageError(crate::tr!(
            "cards-ambiguous-deck",
            deck = format!("{wanted:?}"),
            decks = many.join(", ")
        ))
        .into()),
    }
}

/// How many of a card's reviews `show` lists, newest first.
const SHOWN_REVIEWS: usize = 10;

/// `synack show --format json`: the card as `cards` gives it, and its
/// schedule, earlier wordings and last reviews. Fields are only ever added.
#[derive(Debug, Serialize)]
struct ShowJson<'a> {
    #[serde(flatten)]
    card: CardJson<'a>,
    schedule: ScheduleJson,
    /// Earlier wordings, newest first.
    revisions: Vec<RevisionJson>,
    /// The last reviews (up to ten), newest first.
    reviews: Vec<ReviewJson>,
    /// All of the card's reviews.
    review_count: usize,
}

#[derive(Debug, Serialize)]
struct ScheduleJson {
    /// new, learning, review or relearning.
    state: &'static str,
    /// RFC 3339; `null` for a new card.
    due: Option<String>,
    /// Days, FSRS; `null` before the first review.
    stability: Option<f32>,
    difficulty: Option<f32>,
    /// Probability of recall now, 0–1.
    retrievability: Option<f32>,
    reps: u32,
    lapses: u32,
}

#[derive(Debug, Serialize)]
struct RevisionJson {
    front: String,
    back: String,
    replaced_at: String,
}

#[derive(Debug, Serialize)]
struct ReviewJson {
    reviewed_at: String,
    rating: &'static str,
    state_before: &'static str,
    /// Days until the next review it scheduled.
    scheduled_days: f64,
    duration_ms: i64,
    answer: Option<String>,
}

/// A card's schedule and history, for `show`.
struct History {
    schedule: ScheduleJson,
    revisions: Vec<RevisionJson>,
    reviews: Vec<ReviewJson>,
    review_count: usize,
}

fn history(ctx: &Ctx, store: &Store, card_id: i64) -> Result<History> {
    let config = super::schedule::load_config(store)?;
    let sched = super::schedule::scheduler(ctx, &config)?;
    let state = store.card_state(card_id)?.unwrap_or_default();
    let schedule = ScheduleJson {
        state: state.phase.as_str(),
        due: state.due.map(|t| t.to_rfc3339()),
        stability: state.memory.map(|m| m.stability),
        difficulty: state.memory.map(|m| m.difficulty),
        retrievability: sched.retrievability(&state, ctx.now),
        reps: state.reps,
        lapses: state.lapses,
    };
    let revisions = store
        .revisions_of(card_id)?
        .into_iter()
        .map(|r| RevisionJson {
            front: r.front,
            back: r.back,
            replaced_at: r.replaced_at.to_rfc3339(),
        })
        .collect();
    let all = store.reviews_of(card_id)?;
    let review_count = all.len();
    let reviews = all
        .into_iter()
        .rev()
        .take(SHOWN_REVIEWS)
        .map(|r| ReviewJson {
            reviewed_at: r.reviewed_at.to_rfc3339(),
            rating: r.rating.as_str(),
            state_before: r.state_before.as_str(),
            scheduled_days: r.scheduled_days,
            duration_ms: r.duration_ms,
            answer: r.answer,
        })
        .collect();
    Ok(History {
        schedule,
        revisions,
        reviews,
        review_count,
    })
}

/// An RFC 3339 time in the user's zone, to the minute.
fn local(ctx: &Ctx, rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .ok()
        .zip(chrono::FixedOffset::east_opt(ctx.utc_offset))
        .map(|(t, o)| t.with_timezone(&o).format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_else(|| rfc3339.to_string())
}

fn write_history(out: &mut impl Write, ctx: &Ctx, h: &History) -> Result<()> {
    let max = match ctx.style.width {
        0 => usize::MAX,
        w => w,
    };
    let s = &h.schedule;
    let phase = s
        .state
        .parse::<crate::schedule::Phase>()
        .map_or_else(|_| s.state.to_string(), |p| p.word());
    let mut lines = vec![(
        crate::tr!("cards-label-state"),
        crate::tr!(
            "cards-state",
            state = phase,
            reps = s.reps,
            lapses = s.lapses
        ),
    )];
    if let Some(due) = &s.due {
        lines.push((crate::tr!("cards-label-due"), local(ctx, due)));
    }
    if let (Some(st), Some(d)) = (s.stability, s.difficulty) {
        lines.push((
            crate::tr!("cards-label-memory"),
            crate::tr!(
                "cards-memory",
                stability = crate::render::interval_words(f64::from(st)),
                difficulty = format!("{d:.1}"),
                recall = s
                    .retrievability
                    .map_or("–".to_string(), |r| format!("{:.0}%", r * 100.0))
            ),
        ));
    }
    for (label, text) in lines {
        let head = label_head(&label);
        let hang = " ".repeat(LABEL_W);
        writeln!(out, "{}", wrap(&text, max, &head, &hang).join("\n"))?;
    }
    Ok(())
}

/// The columns a `show` label takes with its colon and the space after:
/// `source: `, `tags:   `, as wide as the widest English one.
const LABEL_W: usize = 8;

/// `label:` padded to [`LABEL_W`] (a longer label keeps one space).
fn label_head(label: &str) -> String {
    let head = format!("{label}:");
    let w = width(&head);
    format!("{head}{}", " ".repeat(LABEL_W.saturating_sub(w).max(1)))
}

fn write_past(out: &mut impl Write, ctx: &Ctx, h: &History) -> Result<()> {
    let max = match ctx.style.width {
        0 => usize::MAX,
        w => w,
    };
    if !h.revisions.is_empty() {
        writeln!(out, "\n{}", crate::tr!("cards-earlier-wordings"))?;
        for r in &h.revisions {
            let front = visible(r.front.lines().next().unwrap_or_default()).into_owned();
            let until = crate::tr!("cards-until", time = local(ctx, &r.replaced_at));
            let head = format!("  {until}  ");
            writeln!(
                out,
                "{head}{}",
                truncate(&front, max.saturating_sub(width(&head)).max(10))
            )?;
        }
    }
    if !h.reviews.is_empty() {
        let more = h.review_count - h.reviews.len();
        let title = if more > 0 {
            crate::tr!(
                "cards-last-reviews-some",
                shown = h.reviews.len(),
                total = h.review_count
            )
        } else {
            crate::tr!("cards-last-reviews")
        };
        writeln!(out, "\n{title}")?;
        // Fetched once: a card may have many reviews.
        let words: Vec<String> = crate::schedule::Rating::ALL
            .iter()
            .map(|r| r.word())
            .collect();
        let rating_w = words.iter().map(|w| width(w)).max().unwrap_or(5).max(5);
        let typed = format!("    {} ", crate::tr!("cards-typed"));
        for r in &h.reviews {
            let rating = r
                .rating
                .parse::<crate::schedule::Rating>()
                .map_or_else(|_| r.rating.to_string(), |x| words[x as usize - 1].clone());
            let before = r
                .state_before
                .parse::<crate::schedule::Phase>()
                .map_or_else(|_| r.state_before.to_string(), |p| p.word());
            let line = format!(
                "  {}  {}  {}",
                local(ctx, &r.reviewed_at),
                pad(&rating, rating_w),
                crate::tr!(
                    "cards-review-next",
                    state = before,
                    interval = crate::render::interval_words(r.scheduled_days)
                )
            );
            writeln!(out, "{}", fit(&line, max))?;
            if let Some(a) = r.answer.as_deref().filter(|a| !a.trim().is_empty()) {
                let a = visible(a);
                writeln!(out, "{}", wrap(&a, max, &typed, "      ").join("\n"))?;
            }
        }
    }
    Ok(())
}

/// The images a back refers to (`![…](PATH)`), in order.
fn image_refs(back: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Parser, Tag};
    Parser::new_ext(back, crate::markdown::options())
        .filter_map(|e| match e {
            Event::Start(Tag::Image { dest_url, .. }) => Some(dest_url.into_string()),
            _ => None,
        })
        .collect()
}

/// `show --open-images`: opens each image of the card's back that is a
/// file in its note's folder (or below it) with `$SYNACK_VIEWER`, else the
/// system's viewer (`xdg-open`, `open` on macOS). Remote images, files
/// elsewhere and files that are not there are named, not opened; nothing
/// but the viewer runs, with the image's path as its argument.
fn open_images(out: &mut impl Write, card: &CardRow) -> Result<()> {
    const IMAGE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "gif", "webp", "svg", "bmp", "avif"];
    let refs = image_refs(&card.back);
    if refs.is_empty() {
        writeln!(out, "{}", crate::tr!("cards-no-images"))?;
        return Ok(());
    }
    let folder = card
        .source
        .as_deref()
        .and_then(|s| std::path::Path::new(s).parent())
        .and_then(|d| d.canonicalize().ok());
    let viewer = std::env::var("SYNACK_VIEWER")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| {
            if cfg!(target_os = "macos") {
                "open"
            } else {
                "xdg-open"
            }
            .to_string()
        });
    let mut words = viewer.split_whitespace();
    let program = words.next().unwrap_or("xdg-open").to_string();
    let extra: Vec<&str> = words.collect();
    for r in refs {
        let shown = visible(&r).into_owned();
        let remote = r.contains("://") || r.starts_with("data:");
        let decoded = percent_encoding::percent_decode_str(&r)
            .decode_utf8_lossy()
            .into_owned();
        let local = folder.as_ref().filter(|_| !remote).and_then(|dir| {
            let path = dir.join(&decoded).canonicalize().ok()?;
            let image = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| IMAGE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
            (path.starts_with(dir) && path.is_file() && image).then_some(path)
        });
        let Some(path) = local else {
            let line = if remote {
                crate::tr!("cards-image-remote", image = shown)
            } else {
                crate::tr!("cards-image-missing", image = shown)
            };
            writeln!(out, "{line}")?;
            continue;
        };
        let status = std::process::Command::new(&program)
            .args(&extra)
            .arg(&path)
            .stdin(std::process::Stdio::null())
            .status()
            .with_context(|| {
                crate::tr!("cards-viewer-cannot-run", program = format!("{program:?}"))
            })?;
        if status.success() {
            writeln!(out, "{}", crate::tr!("cards-image-opened", image = shown))?;
        } else {
            bail!(
                "{}",
                crate::tr!(
                    "cards-viewer-failed",
                    program = format!("{program:?}"),
                    status = status.to_string()
                )
            );
        }
    }
    Ok(())
}

pub(super) fn show(ctx: &Ctx, args: ShowArgs) -> Result<()> {
    let store = super::open_with_decks(ctx)?;
    let Some(card) = store.card(args.id)? else {
        bail!("{}", crate::tr!("schedule-no-card", id = args.id));
    };
    let history = history(ctx, &store, card.id)?;
    // Which demo to run is checked before anything is printed.
    let demo = match args.demo {
        None => None,
        Some(n) => Some(pick_demo(&card, n)?),
    };
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            let json = ShowJson {
                card: CardJson::from(&card),
                schedule: history.schedule,
                revisions: history.revisions,
                reviews: history.reviews,
                review_count: history.review_count,
            };
            super::write_json(&mut out, &json)?;
        }
        Format::Text => {
            write_card(&mut out, &card, ctx.style, |out| {
                write_history(out, ctx, &history)
            })?;
            write_past(&mut out, ctx, &history)?;
        }
    }
    if args.open_images {
        out.flush()?;
        open_images(&mut out, &card)?;
    }
    if let Some(d) = demo {
        out.flush()?;
        let report = match sim::run(&link(d).argv()) {
            Ok(run) => run.report,
            Err(e @ (SimError::Args(_) | SimError::UnknownDemo(_))) => bail!(
                "{}",
                crate::tr!(
                    "cards-demo-broken",
                    id = card.id,
                    link = format!("{:?}", demo_label(d)),
                    why = e.to_string().lines().next().unwrap_or_default().to_string()
                )
            ),
            Err(e) => return Err(e.into()),
        };
        writeln!(out)?;
        out.write_all(report.text(super::output_width()).as_bytes())?;
    }
    Ok(())
}

/// Demo `n` (1-based) of `card`, or a usage error saying what there is.
fn pick_demo(card: &CardRow, n: usize) -> Result<&CardDemo> {
    match card.demos.len() {
        0 => Err(UsageError(crate::tr!("cards-no-demo", id = card.id)).into()),
        len => n
            .checked_sub(1)
            .and_then(|i| card.demos.get(i))
            .ok_or_else(|| {
                let which = if len == 1 {
                    "1".to_string()
                } else {
                    format!("1-{len}")
                };
                UsageError(crate::tr!(
                    "cards-demo-out-of-range",
                    id = card.id,
                    count = len,
                    which = which,
                    n = n
                ))
                .into()
            }),
    }
}

fn write_card<W: Write>(
    out: &mut W,
    card: &CardRow,
    style: terminal::Style,
    schedule: impl FnOnce(&mut W) -> Result<()>,
) -> Result<()> {
    // Everything from the notes (or a restored backup) is shown through
    // `visible`: its escape sequences and newlines are printed, not obeyed.
    let max = if style.width == 0 {
        usize::MAX
    } else {
        style.width
    };
    let head = format!("#{} · {} · ", card.id, card.kind);
    // As the quiz names it: the question's own heading is the front below.
    let mut path: Vec<&str> = std::iter::once(card.deck.as_str())
        .chain(card.heading_path.iter().map(String::as_str))
        .collect();
    path.dedup();
    if path.len() > 1 && path.last() == Some(&card.front.as_str()) {
        path.pop();
    }
    let path = visible(&path.join(" › ")).into_owned();
    writeln!(
        out,
        "{head}{}",
        crate::render::width::shorten_path(&path, max.saturating_sub(width(&head)).max(10))
    )?;
    if let Some(source) = &card.source {
        let line = format!(
            "{}{}:{}",
            label_head(&crate::tr!("cards-label-source")),
            visible(source),
            card.line
        );
        writeln!(out, "{}", fit(&line, max))?;
    }
    if !card.tags.is_empty() {
        let tags = visible(&card.tags.join(", ")).into_owned();
        let head = label_head(&crate::tr!("cards-label-tags"));
        let hang = " ".repeat(LABEL_W);
        writeln!(out, "{}", wrap(&tags, max, &head, &hang).join("\n"))?;
    }
    let status = if card.missing {
        Some(crate::tr!("cards-status-missing"))
    } else if card.suspended {
        Some(crate::tr!("cards-status-suspended"))
    } else {
        None
    };
    if let Some(status) = status {
        let head = label_head(&crate::tr!("cards-label-status"));
        let hang = " ".repeat(LABEL_W);
        writeln!(out, "{}", wrap(&status, max, &head, &hang).join("\n"))?;
    }
    schedule(out)?;
    writeln!(out)?;
    let shown_front = fit(&visible(&card.front), max);
    let front = if style.color {
        format!("\x1b[1m{shown_front}\x1b[22m")
    } else {
        shown_front.clone()
    };
    writeln!(out, "{front}")?;
    let rule_w = shown_front.lines().map(width).max().unwrap_or(0);
    writeln!(out, "{}", "─".repeat(rule_w.clamp(20, 60).min(max)))?;
    // An exercise card's stored back is its template's name; what it
    // drills is said in the current language.
    let exercise_title = (card.kind == crate::deck::CardKind::Exercise)
        .then(|| crate::exercise::title_of(&card.front))
        .flatten();
    if let Some(title) = exercise_title {
        writeln!(out, "{}", wrap(&visible(&title), max, "", "").join("\n"))?;
    } else if card.back.is_empty() {
        writeln!(out, "{}", fit(&crate::tr!("cards-open-question"), max))?;
    } else {
        writeln!(out, "{}", terminal::render(&card.back, style))?;
    }
    write_demos(out, &card.demos, max)?;
    Ok(())
}

/// The card's demos, numbered for `--demo N`, each with the command it runs.
fn write_demos(out: &mut impl Write, demos: &[CardDemo], max: usize) -> std::io::Result<()> {
    if demos.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    let labels: Vec<String> = demos.iter().map(demo_label).collect();
    let label_w = labels.iter().map(|l| width(l)).max().unwrap_or(0);
    let num_w = demos.len().to_string().len();
    let by_topic = format!("  · {}", crate::tr!("cards-demo-by-topic"));
    for (n, (d, label)) in demos.iter().zip(&labels).enumerate() {
        let argv: Vec<String> = link(d)
            .argv()
            .iter()
            .map(|a| visible(&shell_word(a)).into_owned())
            .collect();
        let how = if d.explicit { "" } else { by_topic.as_str() };
        let line = format!(
            "▶ {:>num_w$}  {}  (synack demo {}){how}",
            n + 1,
            pad(label, label_w),
            argv.join(" ")
        );
        writeln!(out, "{}", fit(&line, max))?;
    }
    Ok(())
}

fn demo_label(d: &CardDemo) -> String {
    terminal::demo_label(&format!("demo:{}?{}", d.name, d.args))
        .unwrap_or_else(|| visible(&d.name).into_owned())
}

/// `arg` as a shell would need it typed: bare when harmless, else in single quotes.
fn shell_word(arg: &str) -> String {
    let bare = !arg.is_empty()
        && arg
            .chars()
            .all(|c| !c.is_ascii() || c.is_ascii_alphanumeric() || "-_./:=@%+,".contains(c));
    if bare {
        arg.to_string()
    } else {
        format!("'{}'", arg.replace('\'', "'\\''"))
    }
}

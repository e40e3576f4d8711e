//! The config file: where it is found, what each key sets, and one bad file per defect with
//! the exact message it gets.

use super::*;
use crate::tui::action::{Action, View};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
    move |name| {
        vars.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| OsString::from(v))
    }
}

fn read(text: &str) -> Result<Settings, Vec<String>> {
    read::settings("config.toml", text, Path::new("/cfg"))
        .map_err(|ds| ds.iter().map(|d| d.to_string()).collect())
}

/// The one problem a file has, rendered.
fn problem(text: &str) -> String {
    let problems = read(text).expect_err("the file has a problem");
    assert_eq!(problems.len(), 1, "{problems:#?}");
    problems[0].clone()
}

#[test]
fn the_file_is_found_as_bat_and_lazygit_find_theirs() {
    let flag = locate(
        Some(Path::new("/x/c.toml")),
        env(&[("PEACEDIFF_CONFIG", "/y")]),
    );
    assert_eq!(flag.path.as_deref(), Some(Path::new("/x/c.toml")));
    assert!(flag.explicit);
    let var = locate(
        None,
        env(&[("PEACEDIFF_CONFIG", "/y"), ("XDG_CONFIG_HOME", "/z")]),
    );
    assert_eq!(
        (var.path.as_deref(), var.from),
        (Some(Path::new("/y")), "PEACEDIFF_CONFIG")
    );
    let off = locate(
        None,
        env(&[("PEACEDIFF_CONFIG", ""), ("XDG_CONFIG_HOME", "/z")]),
    );
    assert_eq!(off.path, None);
    let xdg = locate(None, env(&[("XDG_CONFIG_HOME", "/z"), ("HOME", "/h")]));
    assert_eq!(
        xdg.path.as_deref(),
        Some(Path::new("/z/peacediff/config.toml"))
    );
    assert!(!xdg.explicit);
    // A relative XDG_CONFIG_HOME is ignored, as the XDG spec says.
    let home = locate(None, env(&[("XDG_CONFIG_HOME", "rel"), ("HOME", "/h")]));
    assert_eq!(
        home.path.as_deref(),
        Some(Path::new("/h/.config/peacediff/config.toml"))
    );
}

#[test]
fn a_missing_file_is_the_defaults_unless_it_was_named() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("none.toml");
    let usual = Location {
        path: Some(path.clone()),
        from: "XDG_CONFIG_HOME",
        explicit: false,
    };
    assert_eq!(load(&usual).ok(), Some(Settings::default()));
    let named = Location {
        explicit: true,
        from: "PEACEDIFF_CONFIG",
        ..usual
    };
    let Err(ConfigError::Unusable(msg)) = load(&named) else {
        panic!("a named missing file is an error");
    };
    assert!(
        msg.contains("(named by PEACEDIFF_CONFIG) does not exist"),
        "{msg}"
    );
}

#[test]
fn every_key_sets_its_setting() {
    let s = read(
        "plans = \"drafts\"\ntheme = \"colour-blind\"\npaging = \"never\"\n\
         compare-layout = \"stacked\"\nhide-unchanged = true\nmouse = false\n\
         [keys]\nquit = [\"x\"]\nhelp = \"F1\"\n",
    )
    .expect("a good file");
    assert_eq!(s.plans.as_deref(), Some(Path::new("/cfg/drafts")));
    assert_eq!(s.theme, Some(Palette::ColourBlind));
    assert_eq!(s.paging, Some(crate::cli::pager::Paging::Never));
    assert_eq!(s.compare_layout, Some(CompareLayout::Stacked));
    assert_eq!((s.hide_unchanged, s.mouse), (Some(true), Some(false)));
    assert_eq!(s.rebound, ["quit", "help"]);
    let x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
    assert_eq!(s.keymap.action_for(View::Topics, &x), Some(Action::Quit));
    let f1 = KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE);
    assert_eq!(s.keymap.action_for(View::Browse, &f1), Some(Action::Help));
}

#[test]
fn plans_paths_start_at_home_or_at_the_files_folder() {
    let home = dirs::home_dir().unwrap_or_default();
    assert_eq!(expand_path("~/p", Path::new("/cfg")), home.join("p"));
    assert_eq!(expand_path("~", Path::new("/cfg")), home);
    assert_eq!(
        expand_path("/abs", Path::new("/cfg")),
        PathBuf::from("/abs")
    );
    assert_eq!(
        expand_path("../p", Path::new("/cfg")),
        PathBuf::from("/cfg/../p")
    );
}

#[test]
fn the_default_file_uncommented_is_the_defaults() {
    let text = default_file();
    for key in read::KEYS {
        let written = if key == "keys" {
            "[keys]".to_string()
        } else {
            format!("# {key} = ")
        };
        assert!(
            text.contains(&written),
            "the default file leaves out `{key}`"
        );
    }
    let uncommented: String = text
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest) if rest.contains(" = ") => rest,
            _ if l.starts_with('#') => "",
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let s = read(&uncommented).unwrap_or_else(|e| panic!("{e:#?}\n{uncommented}"));
    assert_eq!(s.keymap, crate::tui::keymap::Keymap::default());
    assert_eq!(s.theme, Some(Palette::Dark));
    assert_eq!(s.compare_layout, Some(CompareLayout::Auto));
    assert_eq!((s.hide_unchanged, s.mouse), (Some(false), Some(true)));
}

#[test]
fn a_syntax_error_is_located() {
    let p = problem("theme = \"dark\nmouse = true\n");
    assert!(
        p.starts_with("config.toml:1:14: error: TOML syntax: "),
        "{p}"
    );
    assert!(p.contains("hint: fix the TOML syntax"), "{p}");
}

#[test]
fn an_unknown_key_is_reported_with_the_nearest_one() {
    let p = problem("\ntheem = \"light\"\n");
    assert!(
        p.starts_with("config.toml:2:1: error: unknown key `theem`"),
        "{p}"
    );
    assert!(p.ends_with("= hint: did you mean `theme`?"), "{p}");
    let p = problem("colour = 1\n");
    assert!(p.ends_with("= hint: the keys are `plans`, `theme`, `paging`, `compare-layout`, `hide-unchanged`, `mouse` or `keys`"), "{p}");
}

#[test]
fn a_bad_value_names_the_ones_allowed() {
    let p = problem("theme = \"ligth\"\n");
    assert!(
        p.starts_with("config.toml:1:9: error: unknown theme `ligth`"),
        "{p}"
    );
    assert!(p.contains("hint: did you mean `light`? (`theme` is one of `dark`, `light`, `colour-blind` or `color-blind`)"), "{p}");
    let p = problem("paging = true\n");
    assert!(
        p.starts_with("config.toml:1:10: error: `paging` must be a string"),
        "{p}"
    );
    let p = problem("mouse = \"no\"\n");
    assert!(
        p.starts_with("config.toml:1:9: error: `mouse` must be true or false"),
        "{p}"
    );
    assert!(p.ends_with("without quotes"), "{p}");
}

#[test]
fn bad_keys_are_reported_where_they_are() {
    let p = problem("[keys]\nquit = [\"q\", \"ctlr-c\"]\n");
    assert!(
        p.starts_with("config.toml:2:14: error: unknown key `ctlr-c`"),
        "{p}"
    );
    let p = problem("[keys]\nquit = 3\n");
    assert!(
        p.starts_with("config.toml:2:8: error: the keys of `quit` must be a list of strings"),
        "{p}"
    );
    let p = problem("keys = \"q\"\n");
    assert!(
        p.starts_with("config.toml:1:8: error: `keys` must be a table"),
        "{p}"
    );
    let p = problem("[keys]\ncopy = [\"c\"]\nexport = [\"x\", \"c\"]\n");
    assert!(
        p.starts_with(
            "config.toml:3:16: error: `c` is bound to both `copy` and `export` in every view"
        ),
        "{p}"
    );
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let problems = read("theme = \"x\"\npagin = \"auto\"\n[keys]\nqiut = [\"q\"]\n")
        .expect_err("three problems");
    assert_eq!(problems.len(), 3, "{problems:#?}");
}

#[test]
fn text_from_the_file_is_cleaned_before_it_is_shown() {
    let p = problem("theme = \"\u{1b}[31mred\"\n");
    assert!(!p.contains('\u{1b}'), "{p:?}");
}

#[test]
fn the_readmes_example_file_reads_without_problems() {
    let readme = include_str!("../../../README.md");
    let start = readme
        .find("# ~/.config/peacediff/config.toml\n")
        .expect("the README shows a config file");
    let end = start + readme[start..].find("```").expect("the block ends");
    let s = read(&readme[start..end]).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(s.theme, Some(Palette::Light));
    assert_eq!(s.rebound, ["quit", "next", "export"]);
}

//! The terminal app in a real terminal: start the binary in tmux, send keys, read the pane as a
//! user would, quit, and check the terminal was handed back in cooked mode.
//!
//! Skipped, with a message, where tmux is missing, except in CI (`CI` set), where a missing
//! tmux fails the tests: `.ci/run` installs it, so CI always runs them.

use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
    session: String,
}

impl Tmux {
    fn available() -> bool {
        let found = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(
            found || std::env::var_os("CI").is_none(),
            "tmux is missing in CI: the real-terminal tests cannot run"
        );
        found
    }

    /// A private tmux server running `command` in a 100×30 pane.
    fn start(name: &str, command: &str, width: u16, height: u16) -> Tmux {
        let t = Tmux {
            socket: format!("peacediff-test-{}-{name}", std::process::id()),
            session: name.to_string(),
        };
        let ok = t
            .tmux(&[
                "new-session",
                "-d",
                "-s",
                name,
                "-x",
                &width.to_string(),
                "-y",
                &height.to_string(),
                command,
            ])
            .status
            .success();
        assert!(ok, "tmux could not start a session");
        t
    }

    fn tmux(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            // The private server starts with this environment, and so does the app in it:
            // tests never touch the user's cache.
            .env("PEACEDIFF_NO_CACHE", "1")
            .env("PEACEDIFF_CONFIG", "")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", self.session.as_str()];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// The app's process id: the child of the pane's shell.
    fn app_pid(&self) -> String {
        let shell = self.flag("pane_pid");
        let start = Instant::now();
        loop {
            let out = Command::new("pgrep").args(["-P", &shell]).output().unwrap();
            let pid = String::from_utf8_lossy(&out.stdout).trim().to_string();
            if !pid.is_empty() {
                return pid.lines().next().unwrap().to_string();
            }
            assert!(start.elapsed() < Duration::from_secs(10), "no app process");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// A tmux format variable of the pane (`#{mouse_any_flag}`, `#{alternate_on}`).
    fn flag(&self, name: &str) -> String {
        let out = self.tmux(&[
            "display",
            "-p",
            "-t",
            &self.session,
            &format!("#{{{name}}}"),
        ]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn screen(&self) -> String {
        let out = self.tmux(&["capture-pane", "-p", "-t", &self.session]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the pane shows `text`, and returns the screen.
    fn wait_for(&self, text: &str) -> String {
        self.wait_until(|s| s.contains(text), text)
    }

    /// Waits until the pane shows every one of `texts`. A frame can reach tmux in pieces, so
    /// what is expected together is waited for together, never checked right after one of it.
    fn wait_for_all(&self, texts: &[&str]) -> String {
        self.wait_until(
            |s| texts.iter().all(|t| s.contains(t)),
            &format!("all of {texts:?}"),
        )
    }

    fn wait_until(&self, ok: impl Fn(&str) -> bool, what: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "the pane never showed {what:?}; it shows:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

/// Runs the app, then reports how it ended and whether the terminal is in cooked mode again.
fn wrapped(env: &str) -> String {
    let bin = env!("CARGO_BIN_EXE_peacediff");
    format!(
        "sh -c '{env} {bin}; echo \"EXIT=$?\"; stty -a | tr \" \" \"\\n\" | grep -x -- \"-*icanon\"; echo DONE; sleep 30'"
    )
}

#[test]
fn a_user_browses_compares_reads_help_and_quits() {
    if !Tmux::available() {
        eprintln!("skipping the real-terminal test: tmux is not installed");
        return;
    }
    let t = Tmux::start("tour", &wrapped("NO_COLOR=1"), 100, 30);
    // Opens on the 28-point draft, with the footer's keys.
    t.wait_for_all(&["1 Browse", "28-pt", "? help", "q quit"]);
    t.keys(&["2"]);
    // The compare header names both drafts.
    t.wait_for_all(&["28-pt ⇄ 19-pt", "◀ 28-pt", "▶ 19-pt"]);
    t.keys(&["?"]);
    // The help lists quit.
    t.wait_for_all(&["Keys everywhere", "quit"]);
    // Esc alone: a key right after it would read as Alt+key, so wait for the help to close.
    t.keys(&["Escape"]);
    t.wait_until(|s| !s.contains("Keys everywhere"), "the help to close");
    t.keys(&["3"]);
    t.wait_for("hard red lines per draft");
    t.keys(&["q"]);
    let s = t.wait_for("DONE");
    assert!(s.contains("EXIT=0"), "exit status:\n{s}");
    // Raw mode off again: `icanon` without a minus.
    assert!(
        s.lines().any(|l| l.trim() == "icanon"),
        "the terminal was left in raw mode:\n{s}"
    );
    assert!(
        !s.contains("1 Browse"),
        "the alternate screen was left:\n{s}"
    );
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    if !Tmux::available() {
        eprintln!("skipping the real-terminal test: tmux is not installed");
        return;
    }
    let t = Tmux::start("ctrlc", &wrapped(""), 80, 24);
    t.wait_for("1 Browse");
    t.keys(&["/", "army"]);
    t.wait_for("/army");
    t.keys(&["C-c"]);
    let s = t.wait_for("DONE");
    assert!(s.contains("EXIT=0"), "exit status:\n{s}");
    assert!(
        s.lines().any(|l| l.trim() == "icanon"),
        "raw mode left on:\n{s}"
    );
}

#[test]
fn a_tiny_terminal_gets_a_note_not_a_broken_layout() {
    if !Tmux::available() {
        eprintln!("skipping the real-terminal test: tmux is not installed");
        return;
    }
    let t = Tmux::start("tiny", &wrapped(""), 50, 12);
    t.wait_for("terminal too small");
    t.tmux(&["resize-window", "-t", "tiny", "-x", "90", "-y", "26"]);
    t.wait_for("1 Browse");
    t.keys(&["q"]);
    assert!(t.wait_for("DONE").contains("EXIT=0"));
}

#[test]
fn the_mouse_is_captured_unless_no_mouse_is_given() {
    if !Tmux::available() {
        eprintln!("skipping the real-terminal test: tmux is not installed");
        return;
    }
    for (args, expected) in [("", "1"), ("--no-mouse", "0")] {
        let bin = env!("CARGO_BIN_EXE_peacediff");
        let name = if args.is_empty() { "mouse" } else { "nomouse" };
        let t = Tmux::start(name, &format!("{bin} {args}"), 80, 24);
        t.wait_for("1 Browse");
        assert_eq!(
            t.flag("alternate_on"),
            "1",
            "the app uses the alternate screen"
        );
        assert_eq!(
            t.flag("mouse_any_flag"),
            expected,
            "mouse capture with {args:?}"
        );
        t.keys(&["q"]);
    }
}

/// Whether the pane shows the terminal handed back: cooked mode, main screen, no mouse
/// reporting (`wrapped` prints `icanon` or `-icanon` after the app ends).
fn assert_restored(t: &Tmux, s: &str) {
    assert!(
        s.lines().any(|l| l.trim() == "icanon"),
        "raw mode left on:\n{s}"
    );
    assert_eq!(
        t.flag("alternate_on"),
        "0",
        "alternate screen left on:\n{s}"
    );
    assert_eq!(
        t.flag("mouse_any_flag"),
        "0",
        "mouse reporting left on:\n{s}"
    );
}

#[test]
fn ending_signals_hand_the_terminal_back_and_end_the_process_by_that_signal() {
    if !Tmux::available() {
        eprintln!("skipping the real-terminal test: tmux is not installed");
        return;
    }
    for (sig, number) in [("TERM", 15), ("HUP", 1), ("QUIT", 3), ("INT", 2)] {
        let name = format!("sig{sig}");
        let t = Tmux::start(&name, &wrapped(""), 80, 24);
        t.wait_for("1 Browse");
        assert_eq!(t.flag("mouse_any_flag"), "1");
        let pid = t.app_pid();
        let ok = Command::new("kill")
            .args([&format!("-{sig}"), &pid])
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill -{sig}");
        let s = t.wait_for("DONE");
        // The shell reports death by the signal as 128 + its number.
        assert!(
            s.contains(&format!("EXIT={}", 128 + number)),
            "SIG{sig}: exit status:\n{s}"
        );
        assert_restored(&t, &s);
    }
}

#[test]
fn a_panic_hands_the_terminal_back_before_its_message() {
    if !Tmux::available() {
        eprintln!("skipping the real-terminal test: tmux is not installed");
        return;
    }
    let t = Tmux::start(
        "panic",
        &wrapped("PEACEDIFF_TEST_PANIC=1 RUST_BACKTRACE=0"),
        80,
        24,
    );
    let s = t.wait_for("DONE");
    assert!(s.contains("panicking after the first frame"), "{s}");
    assert!(!s.contains("EXIT=0"), "a panic is a failure:\n{s}");
    assert_restored(&t, &s);
}

/// Job control in an interactive shell: stopped from outside (SIGTSTP) or with Ctrl-Z, the app
/// hands the terminal back; `fg` brings it back in raw mode, redrawn, keys working at once.
#[test]
fn suspend_and_fg_give_the_terminal_back_and_take_it_again() {
    if !Tmux::available() {
        eprintln!("skipping the real-terminal test: tmux is not installed");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_peacediff");
    let t = Tmux::start("jobs", "bash --norc --noprofile -i", 80, 24);
    t.keys(&["PS1='ready$ '", "Enter"]);
    t.wait_for("ready$");
    for how in ["kill", "C-z"] {
        t.keys(&["clear", "Enter"]);
        t.keys(&[bin, "Enter"]);
        t.wait_for("1 Browse");
        if how == "kill" {
            let pid = t.app_pid();
            assert!(
                Command::new("kill")
                    .args(["-TSTP", &pid])
                    .status()
                    .unwrap()
                    .success()
            );
        } else {
            t.keys(&["C-z"]);
        }
        t.wait_until(
            |s| s.contains("Stopped"),
            "the shell to report the stopped job",
        );
        assert_eq!(
            t.flag("alternate_on"),
            "0",
            "{how}: alternate screen while stopped"
        );
        assert_eq!(t.flag("mouse_any_flag"), "0", "{how}: mouse while stopped");
        t.keys(&["fg", "Enter"]);
        t.wait_for("1 Browse");
        // Raw mode again: one key acts at once, without Enter.
        t.keys(&["2"]);
        t.wait_for("28-pt ⇄ 19-pt");
        assert_eq!(t.flag("alternate_on"), "1");
        t.keys(&["q"]);
        t.wait_until(|s| !s.contains("28-pt ⇄ 19-pt"), "the app to quit");
    }
}

/// The terminal closed under the app (here the whole tmux server goes): reading input then
/// returns nothing forever, but the hang-up ends the app at once instead of leaving it spinning.
#[test]
fn a_closed_terminal_ends_the_app_instead_of_leaving_it_spinning() {
    if !Tmux::available() {
        eprintln!("skipping the real-terminal test: tmux is not installed");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_peacediff");
    let t = Tmux::start("closed", bin, 80, 24);
    t.wait_for("1 Browse");
    let pid = t.flag("pane_pid");
    t.tmux(&["kill-server"]);
    let start = Instant::now();
    loop {
        // Gone, or a zombie waiting for its (also gone) parent: ended either way.
        let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let ended = state.is_empty() || state.split_whitespace().nth(2) == Some("Z");
        if ended {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the app is still running after its terminal closed: {state}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `--watch`: saving a plan file reloads the folder with the place kept; a broken save lists
/// its problems in the app, located, and the fix takes them away.
#[test]
fn watch_reloads_on_save_and_lists_load_problems_until_fixed() {
    if !Tmux::available() {
        eprintln!("skipping the real-terminal test: tmux is not installed");
        return;
    }
    let plans = tempfile::tempdir().unwrap();
    let mini = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");
    for f in std::fs::read_dir(mini).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, plans.path().join(f.file_name().unwrap())).unwrap();
    }
    let alpha = plans.path().join("alpha.toml");
    let text = std::fs::read_to_string(&alpha).unwrap();
    let bin = env!("CARGO_BIN_EXE_peacediff");
    let command = format!(
        "sh -c 'NO_COLOR=1 {bin} --plans {} --watch; echo \"EXIT=$?\"; echo DONE; sleep 30'",
        plans.path().display()
    );
    let t = Tmux::start("watch", &command, 80, 24);
    t.wait_for_all(&["1 Browse", "Army capped"]);
    // The second clause selected, to see that the place is kept.
    t.keys(&["j"]);
    t.wait_for("▸2     Amnesty");
    std::fs::write(&alpha, text.replace("Army capped", "Army limited")).unwrap();
    let s = t.wait_for_all(&["Army limited", "reloaded the plans folder"]);
    assert!(s.contains("▸2     Amnesty"), "the selection moved:\n{s}");
    std::fs::write(&alpha, text.replace("id = \"alpha\"", "id = alpha")).unwrap();
    t.wait_for_all(&["the plans folder did not load", "alpha.toml:2:6: error"]);
    t.keys(&["Escape"]);
    t.wait_for("fix and save to reload");
    std::fs::write(&alpha, &text).unwrap();
    let s = t.wait_for_all(&["Army capped", "reloaded the plans folder"]);
    assert!(!s.contains("did not load"), "{s}");
    t.keys(&["q"]);
    assert!(t.wait_for("DONE").contains("EXIT=0"));
}

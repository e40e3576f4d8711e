//! The package's declared facts stay true: `rust-version` is at least the newest any locked
//! dependency declares, read from the dependencies' own manifests.

use std::path::PathBuf;

fn field<'a>(manifest: &'a str, key: &str) -> Option<&'a str> {
    manifest.lines().find_map(|l| {
        let (k, v) = l.split_once('=')?;
        (k.trim() == key).then(|| v.trim().trim_matches('"'))
    })
}

fn version(v: &str) -> Vec<u32> {
    v.split('.').map(|p| p.parse().unwrap_or(0)).collect()
}

#[test]
fn rust_version_covers_every_locked_dependency() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let ours = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let ours = version(field(&ours, "rust-version").expect("rust-version is declared"));
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).unwrap();
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .expect("a cargo home");
    let registries: Vec<PathBuf> = std::fs::read_dir(home.join("registry/src"))
        .expect("the registry sources the build used")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    let mut checked = 0;
    let mut newest = (Vec::new(), String::new());
    for block in lock.split("[[package]]").skip(1) {
        let (Some(name), Some(ver)) = (field(block, "name"), field(block, "version")) else {
            continue;
        };
        let Some(manifest) = registries
            .iter()
            .map(|r| r.join(format!("{name}-{ver}/Cargo.toml")))
            .find(|p| p.exists())
        else {
            continue;
        };
        checked += 1;
        let text = std::fs::read_to_string(manifest).unwrap();
        if let Some(rv) = field(&text, "rust-version") {
            let rv = version(rv);
            if rv > newest.0 {
                newest = (rv, format!("{name} {ver}"));
            }
        }
    }
    assert!(
        checked > 50,
        "the locked dependencies' manifests were found ({checked})"
    );
    assert!(
        ours >= newest.0,
        "rust-version {ours:?} is older than {:?}, which {} declares",
        newest.0,
        newest.1
    );
}

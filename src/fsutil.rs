//! Writing files safely: whole or not at all, and never over an existing file by accident.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder, then moves it into
/// place, so a reader never sees half a file. Fails if `path` exists, unless `overwrite`.
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool) -> std::io::Result<()> {
    write_through_temp(path, bytes, overwrite, true)
}

/// Like [`write_atomic`] with `overwrite`, but without waiting for the disk: for files that can
/// be rebuilt and check themselves when read (the corpus cache), where a power cut may lose the
/// file but a reader still never sees half of one from a running writer.
pub fn replace_unsynced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_through_temp(path, bytes, true, false)
}

fn write_through_temp(
    path: &Path,
    bytes: &[u8],
    overwrite: bool,
    sync: bool,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".peacediff-");
    // A temporary file is private (0600) by default; the file it becomes should have the
    // permissions of any file the user creates (0666 less the umask), like `File::create`.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    if sync {
        tmp.as_file().sync_all()?;
    }
    if overwrite {
        tmp.persist(path).map_err(|e| e.error)?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| e.error)?;
    }
    Ok(())
}

/// Creates a new file; an existing one is left alone and reported as an error.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic(path, bytes, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_overwrite_unless_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        write_new(&path, b"first").unwrap();
        let err = write_new(&path, b"second").unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        write_atomic(&path, b"third", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"third");
        // No temporary files are left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn unsynced_writes_replace_whole_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("entry.bin");
        replace_unsynced(&path, b"first").unwrap();
        replace_unsynced(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        // A folder that does not exist is an error, not a panic.
        assert!(replace_unsynced(&dir.path().join("no/such/entry.bin"), b"x").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn written_files_get_the_usual_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let ours = dir.path().join("ours.md");
        write_new(&ours, b"x").unwrap();
        let usual = dir.path().join("usual.md");
        std::fs::File::create(&usual).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&ours), mode(&usual));
    }
}

//! Writing files safely: whole or not at all, and never over an existing file by accident.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder, then moves it into
/// place, so a reader never sees half a file. Fails if `path` exists, unless `overwrite`; even
/// then only a regular file is replaced (or the regular file a symbolic link points to, the
/// link kept), never a device, a FIFO or a socket.
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool) -> std::io::Result<()> {
    write_atomic_unless(path, bytes, overwrite, &|| false)
}

/// [`write_atomic`], giving up when `cancelled()` says so (checked between chunks and before
/// the file is moved into place): the temporary file is removed, nothing is written, and the
/// error is [`std::io::ErrorKind::Interrupted`]. Callers that catch signals pass their flag.
pub fn write_atomic_unless(
    path: &Path,
    bytes: &[u8],
    overwrite: bool,
    cancelled: &dyn Fn() -> bool,
) -> std::io::Result<()> {
    let target = replaceable(path, overwrite)?;
    write_through_temp(&target, bytes, overwrite, true, cancelled)
}

/// The path to write for `path`: itself, or for a symbolic link to a regular file (when
/// overwriting), the file it points to. Anything but a regular file is refused.
fn replaceable(path: &Path, overwrite: bool) -> std::io::Result<std::path::PathBuf> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(path.to_path_buf());
    };
    if !overwrite {
        return Err(std::io::ErrorKind::AlreadyExists.into());
    }
    let (target, meta) = if meta.file_type().is_symlink() {
        let target = std::fs::canonicalize(path)?;
        let meta = std::fs::metadata(&target)?;
        (target, meta)
    } else {
        (path.to_path_buf(), meta)
    };
    if meta.is_file() {
        Ok(target)
    } else {
        Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file: only a regular file is ever replaced",
        ))
    }
}

/// Like [`write_atomic`] with `overwrite`, but without waiting for the disk: for files that can
/// be rebuilt and check themselves when read (the corpus cache), where a power cut may lose the
/// file but a reader still never sees half of one from a running writer.
pub fn replace_unsynced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_through_temp(path, bytes, true, false, &|| false)
}

/// Why a file could not be written, for a person: the cause in words, never a temporary
/// file's name. `shown` is the path as the message should show it (already made safe).
pub fn write_error_message(shown: &str, e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::AlreadyExists => {
            format!("cannot write `{shown}`: it already exists (add --force to replace it)")
        }
        std::io::ErrorKind::PermissionDenied => {
            format!("cannot write `{shown}`: permission denied")
        }
        std::io::ErrorKind::InvalidInput => format!(
            "cannot write `{shown}`: it is not a regular file (a device, FIFO or socket), and \
             only a regular file is ever replaced; choose another path"
        ),
        std::io::ErrorKind::NotFound => {
            format!("cannot write `{shown}`: its folder does not exist")
        }
        std::io::ErrorKind::Interrupted => format!("`{shown}` was not written: interrupted"),
        _ => format!(
            "cannot write `{shown}`: {}",
            crate::sanitize::clean_text(&e.kind().to_string())
        ),
    }
}

/// Written between checks for cancellation.
const CHUNK: usize = 1 << 20;

fn write_through_temp(
    path: &Path,
    bytes: &[u8],
    overwrite: bool,
    sync: bool,
    cancelled: &dyn Fn() -> bool,
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
    // Dropped on every early return, the temporary file removes itself.
    let mut tmp = builder.tempfile_in(dir)?;
    for chunk in bytes.chunks(CHUNK) {
        if cancelled() {
            return Err(std::io::ErrorKind::Interrupted.into());
        }
        tmp.write_all(chunk)?;
    }
    if sync {
        tmp.as_file().sync_all()?;
    }
    if cancelled() {
        return Err(std::io::ErrorKind::Interrupted.into());
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

    #[test]
    fn a_cancelled_write_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.md");
        let calls = std::cell::Cell::new(0);
        let big = vec![b'x'; 3 * CHUNK];
        let err = write_atomic_unless(&path, &big, false, &|| {
            calls.set(calls.get() + 1);
            calls.get() > 2
        })
        .unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::Interrupted);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        // Replacing an existing file: the old one stays as it was.
        std::fs::write(&path, b"old").unwrap();
        assert!(write_atomic_unless(&path, &big, true, &|| true).is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_replaced_and_links_are_followed() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        std::fs::write(&real, b"old").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new", true).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        // A FIFO (as a device node would be) is refused, even with overwrite, and kept.
        let fifo = dir.path().join("pipe");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let err = write_atomic(&fifo, b"x", true).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
        assert!(
            std::fs::symlink_metadata(&fifo)
                .unwrap()
                .file_type()
                .is_fifo()
        );
        // A folder too.
        assert!(write_atomic(dir.path(), b"x", true).is_err());
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

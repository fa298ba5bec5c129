//! The sign-in kept on disk, so that the desk survives a restart of the app.
//!
//! Only the server's URL and the bearer token are stored (no login, no password, no
//! name). The file is readable by its owner only (0600 in a 0700 folder). The token is
//! revocable on the server: "Sign out" revokes it and deletes the file; an administrator
//! revokes every session of a person by deactivating them or changing the password.

use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedSession {
    /// The server the token belongs to.
    pub server: String,
    pub token: String,
}

/// `$XDG_CONFIG_HOME/talon/desk-session.json`, else `~/.config/talon/…` (on Windows
/// `%APPDATA%\talon\…`), else the working directory.
pub fn default_path() -> PathBuf {
    let env_dir = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = env_dir("XDG_CONFIG_HOME")
        .or_else(|| env_dir("HOME").map(|home| home.join(".config")))
        .or_else(|| env_dir("APPDATA"))
        .unwrap_or_else(|| PathBuf::from("."));
    base.join("talon").join("desk-session.json")
}

/// The saved session, if there is a readable one. A damaged file counts as none.
pub fn load(path: &Path) -> Option<SavedSession> {
    let text = std::fs::read_to_string(path).ok()?;
    match serde_json::from_str(&text) {
        Ok(session) => Some(session),
        Err(_) => {
            tracing::warn!(path = %path.display(), "ignoring an unreadable session file");
            None
        }
    }
}

/// Writes the session atomically (temporary file, then rename) with owner-only access.
pub fn save(path: &Path, session: &SavedSession) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dir(dir)?;
    }
    let temporary = path.with_extension("json.tmp");
    let _ = std::fs::remove_file(&temporary);
    {
        let mut file = private_file(&temporary)?;
        file.write_all(serde_json::to_string_pretty(session)?.as_bytes())?;
        file.sync_all()?;
    }
    std::fs::rename(&temporary, path)
}

/// Forgets the session. A missing file is fine.
pub fn delete(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    if dir.is_dir() {
        return Ok(());
    }
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

#[cfg(unix)]
fn private_file(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

#[cfg(not(unix))]
fn private_file(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> SavedSession {
        SavedSession {
            server: "http://127.0.0.1:8080".into(),
            token: "secret-token".into(),
        }
    }

    #[test]
    fn saves_loads_and_deletes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("desk-session.json");
        assert_eq!(load(&path), None);
        save(&path, &session()).unwrap();
        assert_eq!(load(&path), Some(session()));
        // Saving again replaces the file.
        let other = SavedSession {
            token: "another".into(),
            ..session()
        };
        save(&path, &other).unwrap();
        assert_eq!(load(&path), Some(other));
        delete(&path).unwrap();
        assert_eq!(load(&path), None);
        delete(&path).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn only_the_owner_can_read_it() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("talon").join("desk-session.json");
        save(&path, &session()).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let dir_mode = std::fs::metadata(path.parent().unwrap())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(dir_mode & 0o777, 0o700);
    }

    #[test]
    fn a_damaged_file_is_no_session() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk-session.json");
        std::fs::write(&path, "{not json").unwrap();
        assert_eq!(load(&path), None);
    }
}

//! Passwords (argon2) and bearer tokens (random, stored as SHA-256).

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use rand::RngCore;
use sha2::{Digest, Sha256};

/// Staff session tokens start with this, device tokens with `DEVICE_PREFIX`, so a lookup
/// goes straight to the right table.
pub const SESSION_PREFIX: &str = "ts_";
pub const DEVICE_PREFIX: &str = "td_";

/// Hashes a password with argon2id and a random salt. CPU-heavy: call from
/// `spawn_blocking`.
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    // argon2 0.6 draws the salt from the OS itself.
    Ok(Argon2::default()
        .hash_password(password.as_bytes())?
        .to_string())
}

/// Checks a password against a stored hash. CPU-heavy: call from `spawn_blocking`.
pub fn verify_password(password: &str, hash: &str) -> bool {
    Argon2::default()
        .verify_password(password.as_bytes(), hash)
        .is_ok()
}

/// A new token: the prefix and 32 random bytes in hex.
pub fn new_token(prefix: &str) -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("{prefix}{}", hex(&bytes))
}

/// What the database keeps of a token.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// The unguessable code printed on a ticket (QR) for the visitor's status page:
/// 12 characters of an alphabet without look-alikes (about 60 bits).
pub fn new_public_code() -> String {
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    let mut rng = rand::rng();
    (0..12)
        .map(|_| ALPHABET[(rng.next_u32() as usize) % ALPHABET.len()] as char)
        .collect()
}

/// The code of a booking: 8 digits, typed on the kiosk's keypad (one in 10^8; the public
/// endpoints that take it are rate-limited per client address).
pub fn new_booking_code() -> String {
    let mut rng = rand::rng();
    (0..8)
        .map(|_| char::from(b'0' + (rng.next_u32() % 10) as u8))
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_round_trip() {
        let hash = hash_password("секрет-123").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("секрет-123", &hash));
        assert!(!verify_password("секрет-124", &hash));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn tokens_are_random_and_hashed() {
        let a = new_token(SESSION_PREFIX);
        let b = new_token(SESSION_PREFIX);
        assert_ne!(a, b);
        assert_eq!(a.len(), 3 + 64);
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
        let code = new_public_code();
        assert_eq!(code.len(), 12);
        assert!(code.chars().all(|c| c.is_ascii_alphanumeric()));
    }
}

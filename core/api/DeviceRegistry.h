#pragma once
// Phones paired with this node. The operator issues a short-lived one-time pairing code (as
// text or a QR code); a phone trades it for a device token of its own, which it then sends as a
// bearer token with every write. Tokens are stored only as SHA-256 hashes, in a JSON file with
// mode 0600 written atomically, so revoking one device never touches another. Thread-safe:
// the REST thread's routes and the desktop app's Mobile page share one registry.
#include <QString>

#include <map>
#include <mutex>
#include <optional>
#include <vector>

namespace pb::api {

struct PairedDevice {
    QString id;        // 16 hex digits, for listing and revoking
    QString name;      // what the phone called itself
    qint64 pairedAt = 0;  // seconds since the epoch
};

struct PairingCode {
    QString code;      // "ABCD-EFGH": 8 characters without look-alikes (0/O, 1/I/L)
    qint64 expiresAt = 0;
};

struct PairingOutcome {
    enum class Refusal { None, BadCode, BadName, StorageFailed };
    std::optional<PairedDevice> device;
    QString token;     // shown to the phone once, never stored
    Refusal refusal = Refusal::None;
    QString error;     // why, in words
};

class DeviceRegistry {
public:
    static constexpr qint64 kCodeLifetimeSeconds = 600;
    static constexpr size_t kMaxOpenCodes = 8;
    static constexpr qsizetype kMaxNameLength = 64;
    // Wrong codes tried (from anywhere) while a code is open before it stops working: with at
    // most kMaxOpenCodes open, a guesser gets at most 10 tries at about 31^8 codes each.
    static constexpr int kMaxWrongGuesses = 10;

    explicit DeviceRegistry(QString file) : file_(std::move(file)) {}

    // Reads the file (a missing one means no devices); false with *error for a damaged file.
    bool load(QString* error);
    PairingCode issueCode(qint64 nowSeconds);
    // Trades a valid code (case and dashes ignored) for a new device; a code works once. A wrong
    // code counts against every open code.
    PairingOutcome pair(const QString& code, const QString& name, qint64 nowSeconds);
    std::optional<PairedDevice> authenticate(const QString& token) const;
    std::vector<PairedDevice> devices() const;
    // False when no device has this id; *error when the file could not be written.
    bool revoke(const QString& id, QString* error);

private:
    bool save(QString* error) const;
    static QString normalisedCode(const QString& code);

    QString file_;
    mutable std::mutex mutex_;                     // guards everything below
    std::map<QString, PairedDevice> byTokenHash_;  // hex SHA-256 of the token
    struct OpenCode {
        qint64 expiresAt = 0;
        int wrongGuesses = 0;  // wrong codes tried since it was issued
    };
    std::map<QString, OpenCode> openCodes_;        // by normalised code
};

} // namespace pb::api

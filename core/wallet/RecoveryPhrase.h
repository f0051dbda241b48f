#pragma once
// Recovery phrases: BIP-39 words (the standard English list of 2048, shipped as a resource)
// for the wallet's random entropy, with its checksum, and the deterministic derivation of
// Ed25519 keys from them:
//   seed      = PBKDF2-HMAC-SHA512(NFKD(words joined by spaces), "mnemonic", 2048 rounds), 64 bytes (BIP-39,
//               no BIP-39 passphrase)
//   key i     = SLIP-10 Ed25519 private key at m/44'/7373'/0'/0'/i' (every level hardened, as SLIP-10
//               requires for Ed25519)
// So the same words give the same addresses in every Photoblocks wallet, on any machine.
#include <QByteArray>
#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <optional>

namespace pb::wallet::phrase {

constexpr uint32_t kCoinType = 7373;
constexpr int kDefaultWords = 24;  // 256 bits of entropy

// The 2048 words in BIP-39 order.
const QStringList& englishWords();

// 12, 15, 18, 21 or 24 words for 16, 20, 24, 28 or 32 bytes of entropy (else empty).
QStringList fromEntropy(const QByteArray& entropy);
// Fresh words from the system's random generator.
QStringList generate(int wordCount = kDefaultWords);
// The entropy back, or why the words are not a recovery phrase (an unknown word, a wrong count,
// a checksum that does not match: a word mistyped or out of order). Case and extra spaces are
// forgiven.
std::optional<QByteArray> toEntropy(const QString& words, QString* error);
// Splits typed words: lower case, any whitespace.
QStringList normalizedWords(const QString& words);
// The BIP-39 seed (64 bytes) of valid words; `bip39Passphrase` is BIP-39's optional salt.
QByteArray toSeed(const QStringList& words, const QString& bip39Passphrase = {});

struct Slip10Node {
    std::array<uint8_t, 32> key{};
    std::array<uint8_t, 32> chainCode{};
};
constexpr uint32_t kHardened = 0x80000000u;
// SLIP-10 for Ed25519: the master node of a seed, then hardened children (index | kHardened).
Slip10Node slip10Master(const QByteArray& seed);
Slip10Node slip10Child(const Slip10Node& parent, uint32_t hardenedIndex);
// The private key (Ed25519 seed) of address `index` (see the path above).
std::array<uint8_t, 32> addressKey(const QByteArray& seed, uint32_t index);
QString derivationPath();  // "m/44'/7373'/0'/0'/i'"

} // namespace pb::wallet::phrase

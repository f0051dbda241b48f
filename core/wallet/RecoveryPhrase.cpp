#include "core/wallet/RecoveryPhrase.h"

#include "core/wallet/KeystoreCipher.h"

#include <QFile>
#include <QRegularExpression>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <stdexcept>

namespace pb::wallet::phrase {

namespace {

constexpr int kWordBits = 11;

QStringList loadWords()
{
    QFile file(":/wallet/bip39-english.txt");
    if (!file.open(QIODevice::ReadOnly)) throw std::runtime_error("the BIP-39 word list resource is missing");
    const QStringList words = QString::fromLatin1(file.readAll()).split('\n', Qt::SkipEmptyParts);
    if (words.size() != 2048) throw std::runtime_error("the BIP-39 word list resource does not have 2048 words");
    return words;
}

std::array<uint8_t, 64> hmacSha512(const uint8_t* key, size_t keySize, const QByteArray& data)
{
    std::array<uint8_t, 64> out{};
    unsigned int size = 64;
    HMAC(EVP_sha512(), key, int(keySize), reinterpret_cast<const unsigned char*>(data.constData()), size_t(data.size()),
         out.data(), &size);
    return out;
}

Slip10Node split(std::array<uint8_t, 64>& i)
{
    Slip10Node node;
    std::copy(i.begin(), i.begin() + 32, node.key.begin());
    std::copy(i.begin() + 32, i.end(), node.chainCode.begin());
    OPENSSL_cleanse(i.data(), i.size());
    return node;
}

} // namespace

const QStringList& englishWords()
{
    static const QStringList words = loadWords();
    return words;
}

QStringList fromEntropy(const QByteArray& entropy)
{
    const int bytes = int(entropy.size());
    if (bytes < 16 || bytes > 32 || bytes % 4 != 0) return {};
    unsigned char hash[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(entropy.constData()), size_t(bytes), hash);
    const int checksumBits = bytes * 8 / 32;
    const int totalBits = bytes * 8 + checksumBits;
    const auto bit = [&](int n) {
        const uint8_t byte = n < bytes * 8 ? uint8_t(entropy[n / 8]) : hash[(n - bytes * 8) / 8];
        return (byte >> (7 - n % 8)) & 1;
    };
    QStringList words;
    for (int start = 0; start < totalBits; start += kWordBits) {
        int index = 0;
        for (int b = 0; b < kWordBits; ++b) index = (index << 1) | bit(start + b);
        words << englishWords()[index];
    }
    return words;
}

QStringList generate(int wordCount)
{
    QByteArray entropy = cipher::randomBytes(wordCount * kWordBits * 32 / 33 / 8);
    QStringList words = fromEntropy(entropy);
    cipher::wipe(entropy);
    return words;
}

QStringList normalizedWords(const QString& words)
{
    static const QRegularExpression space("\\s+");
    return words.toLower().split(space, Qt::SkipEmptyParts);
}

std::optional<QByteArray> toEntropy(const QString& text, QString* error)
{
    const auto refuse = [&](const QString& why) -> std::optional<QByteArray> {
        if (error) *error = why;
        return std::nullopt;
    };
    const QStringList words = normalizedWords(text);
    const int count = int(words.size());
    if (count < 12 || count > 24 || count % 3 != 0)
        return refuse(QString("a recovery phrase has 12, 15, 18, 21 or 24 words, not %1").arg(count));
    const int totalBits = count * kWordBits;
    const int checksumBits = totalBits / 33;
    const int entropyBits = totalBits - checksumBits;
    QByteArray bits(totalBits, 0);
    for (int w = 0; w < count; ++w) {
        const int index = int(englishWords().indexOf(words[w]));
        if (index < 0) return refuse(QString("word %1, \"%2\", is not in the recovery word list").arg(w + 1).arg(words[w].left(20)));
        for (int b = 0; b < kWordBits; ++b) bits[w * kWordBits + b] = char((index >> (kWordBits - 1 - b)) & 1);
    }
    QByteArray entropy(entropyBits / 8, 0);
    for (int n = 0; n < entropyBits; ++n) entropy[n / 8] = char(uint8_t(entropy[n / 8]) | (uint8_t(bits[n]) << (7 - n % 8)));
    const QStringList expected = fromEntropy(entropy);
    if (expected.last() != words.last())
        return refuse("the words do not match their checksum: a word is mistyped, missing or out of order");
    return entropy;
}

QByteArray toSeed(const QStringList& words, const QString& bip39Passphrase)
{
    const QByteArray mnemonic = words.join(' ').normalized(QString::NormalizationForm_KD).toUtf8();
    const QByteArray salt = ("mnemonic" + bip39Passphrase).normalized(QString::NormalizationForm_KD).toUtf8();
    QByteArray seed(64, 0);
    if (PKCS5_PBKDF2_HMAC(mnemonic.constData(), int(mnemonic.size()), reinterpret_cast<const unsigned char*>(salt.constData()),
                          int(salt.size()), 2048, EVP_sha512(), 64, reinterpret_cast<unsigned char*>(seed.data()))
        != 1)
        throw std::runtime_error("OpenSSL PBKDF2 failed");
    return seed;
}

Slip10Node slip10Master(const QByteArray& seed)
{
    static const char kCurve[] = "ed25519 seed";
    auto i = hmacSha512(reinterpret_cast<const uint8_t*>(kCurve), sizeof kCurve - 1, seed);
    return split(i);
}

Slip10Node slip10Child(const Slip10Node& parent, uint32_t hardenedIndex)
{
    QByteArray data(1, 0);
    data.append(reinterpret_cast<const char*>(parent.key.data()), 32);
    const uint32_t index = hardenedIndex | kHardened;
    for (int shift = 24; shift >= 0; shift -= 8) data.append(char((index >> shift) & 0xff));
    auto i = hmacSha512(parent.chainCode.data(), parent.chainCode.size(), data);
    cipher::wipe(data);
    return split(i);
}

std::array<uint8_t, 32> addressKey(const QByteArray& seed, uint32_t index)
{
    Slip10Node node = slip10Master(seed);
    for (uint32_t level : {44u, kCoinType, 0u, 0u, index}) {
        const Slip10Node child = slip10Child(node, level);
        OPENSSL_cleanse(node.key.data(), 32);
        node = child;
    }
    return node.key;
}

QString derivationPath() { return QString("m/44'/%1'/0'/0'/i'").arg(kCoinType); }

} // namespace pb::wallet::phrase

#include "core/wallet/KeystoreCipher.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <cstring>
#include <memory>
#include <stdexcept>

namespace pb::wallet::cipher {

namespace {

constexpr const char* kCheckLabel = "photoblocks wallet passphrase check";
constexpr uint64_t kMaxScryptMemory = 256ull << 20;

struct CipherCtxFree {
    void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};

} // namespace

QByteArray randomBytes(int n)
{
    QByteArray out(n, 0);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), n) != 1) throw std::runtime_error("OpenSSL RAND_bytes failed");
    return out;
}

QByteArray deriveKeys(const QByteArray& passphrase, const QByteArray& salt, const ScryptCost& cost)
{
    QByteArray out(64, 0);
    if (EVP_PBE_scrypt(passphrase.constData(), size_t(passphrase.size()), reinterpret_cast<const unsigned char*>(salt.constData()),
                       size_t(salt.size()), cost.n, cost.r, cost.p, kMaxScryptMemory,
                       reinterpret_cast<unsigned char*>(out.data()), size_t(out.size()))
        != 1)
        return {};
    return out;
}

QByteArray checkValue(const QByteArray& keys)
{
    unsigned char mac[32];
    unsigned int size = sizeof mac;
    HMAC(EVP_sha256(), keys.constData() + 32, 32, reinterpret_cast<const unsigned char*>(kCheckLabel), std::strlen(kCheckLabel),
         mac, &size);
    return QByteArray(reinterpret_cast<const char*>(mac), int(size));
}

std::optional<QByteArray> gcm(bool encrypt, const QByteArray& keys, const QByteArray& iv, const QByteArray& aad,
                              const QByteArray& input, QByteArray* tag)
{
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx(EVP_CIPHER_CTX_new());
    const auto* key = reinterpret_cast<const unsigned char*>(keys.constData());
    const auto* ivBytes = reinterpret_cast<const unsigned char*>(iv.constData());
    if (!ctx || EVP_CipherInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr, encrypt ? 1 : 0) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, int(iv.size()), nullptr) != 1
        || EVP_CipherInit_ex(ctx.get(), nullptr, nullptr, key, ivBytes, -1) != 1)
        return std::nullopt;
    int len = 0;
    if (EVP_CipherUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(aad.constData()), int(aad.size())) != 1)
        return std::nullopt;
    QByteArray out(input.size() + 16, 0);
    auto* o = reinterpret_cast<unsigned char*>(out.data());
    if (EVP_CipherUpdate(ctx.get(), o, &len, reinterpret_cast<const unsigned char*>(input.constData()), int(input.size())) != 1)
        return std::nullopt;
    int total = len;
    if (!encrypt && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, int(tag->size()), tag->data()) != 1) return std::nullopt;
    if (EVP_CipherFinal_ex(ctx.get(), o + total, &len) != 1) {
        OPENSSL_cleanse(out.data(), size_t(out.size()));
        return std::nullopt;
    }
    total += len;
    if (encrypt) {
        tag->resize(16);
        if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, 16, tag->data()) != 1) return std::nullopt;
    }
    out.resize(total);
    return out;
}

void wipe(QByteArray& bytes) { OPENSSL_cleanse(bytes.data(), size_t(bytes.size())); }

} // namespace pb::wallet::cipher

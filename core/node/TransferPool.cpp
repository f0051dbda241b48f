#include "core/node/TransferPool.h"

#include "core/storage/RedisMempoolStore.h"
#include "core/util/HexText.h"

namespace pb {

namespace {

// Header, flags, photo hash, label, vote and counts take well under this.
constexpr size_t kBlockOverheadBytes = 1024;

QString shortId(const Hash256& id) { return hexText(id).left(16); }

} // namespace

TransferPool::TransferPool(const NetworkParams& params, ChainStore& chainStore, storage::RedisMempoolStore& store,
                           Logger& log, MempoolPolicy policy, SignatureVerifier& signatures)
    : params_(params), chainStore_(chainStore), store_(store), log_(log), pool_(params, policy, signatures)
{
    pool_.setListener([this](const MempoolEntry& e, bool added) {
        if (added) store_.put(e.id, e.raw);
        else store_.remove(e.id);
    });
}

AccountLookup TransferPool::confirmed()
{
    return [this](const crypto::AddressHash& a) { return chainStore_.account(a); };
}

void TransferPool::load()
{
    const auto stored = store_.all();
    std::vector<Bytes> raws;
    for (const auto& [id, raw] : stored) raws.push_back(raw);
    pool_.revalidate(confirmed(), raws);
    size_t dropped = 0;
    for (const auto& [id, raw] : stored) {
        if (pool_.find(id)) continue;
        store_.remove(id);
        ++dropped;
    }
    if (!stored.empty())
        log_.info(QString("mempool: %1 pending transfer(s) restored, %2 no longer valid").arg(pool_.size()).arg(dropped));
}

MempoolAdmission TransferPool::submit(const Bytes& raw, const QString& source)
{
    MempoolAdmission a = pool_.add(raw, confirmed());
    if (!a.ok()) {
        if (a.check.error != TxError::AlreadyKnown)
            log_.info(QString("transfer %1 from %2 refused: %3: %4")
                          .arg(shortId(a.id), source, txErrorCode(a.check.error), QString::fromStdString(a.check.detail)));
        return a;
    }
    log_.info(QString("transfer %1 from %2 accepted into the mempool%3")
                  .arg(shortId(a.id), source, a.replaced ? QString(" (replaces %1)").arg(shortId(*a.replaced)) : QString()));
    for (const Hash256& d : a.dropped) log_.info(QString("transfer %1 left the mempool to make room").arg(shortId(d)));
    return a;
}

void TransferPool::chainChanged(const AcceptResult& result)
{
    std::vector<Bytes> returning;
    for (const BlockIndexEntry& e : result.disconnected) {
        const auto bytes = chainStore_.blockBytes(e.hash);
        const auto block = bytes ? Block::parse(*bytes) : std::nullopt;
        if (!block) continue;
        returning.insert(returning.end(), block->transactions.begin() + 1, block->transactions.end());
    }
    const size_t before = pool_.size();
    const auto removed = pool_.revalidate(confirmed(), returning);
    if (!removed.empty() || pool_.size() != before)
        log_.info(QString("mempool after the new tip: %1 left, %2 pending").arg(removed.size()).arg(pool_.size()));
}

std::vector<Bytes> TransferPool::forTemplate() const
{
    return pool_.selectForBlock(params_.maxBlockBytes - kBlockOverheadBytes);
}

} // namespace pb

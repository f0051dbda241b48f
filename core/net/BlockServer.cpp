#include "core/net/BlockServer.h"

namespace pb::net {

BlockServer::BlockServer(const ServeLimits& limits, Chain& chain, ChainStore& store, PeerChannel& channel,
                         std::function<void(PeerId, const Hash256&)> blockServed)
    : limits_(limits), chain_(chain), store_(store), channel_(channel), budget_(limits), blockServed_(std::move(blockServed))
{
}

void BlockServer::serveWithinBudget(PeerId peer, const char* what, ServeBudget::Request request)
{
    if (budget_.submit(peer, channel_.nowMs(), std::move(request)) == ServeBudget::Outcome::Refused)
        channel_.misbehave(peer, kOverBudgetScore,
                           QString("%1 beyond its serving budget (%2 requests already held)").arg(what).arg(limits_.maxHeldRequests));
}

void BlockServer::onGetHeaders(PeerId peer, const GetHeaders& request)
{
    serveWithinBudget(peer, "getheaders", [this, peer, request] { return serveHeaders(peer, request); });
}

double BlockServer::serveHeaders(PeerId peer, const GetHeaders& request)
{
    Headers answer;
    answer.headers = chain_.headersAfter(request.locator, request.stop, kMaxHeadersPerMessage);
    channel_.send(peer, answer);
    double cost = limits_.storeReadBytes * double(answer.headers.size() + 1);
    for (const Bytes& header : answer.headers) cost += double(header.size());
    return cost;
}

void BlockServer::onGetBlocks(PeerId peer, const GetBlocks& request)
{
    serveWithinBudget(peer, "getblocks", [this, peer, request] { return serveBlocks(peer, request); });
}

double BlockServer::serveBlocks(PeerId peer, const GetBlocks& request)
{
    double cost = 0;
    NotFound missing;
    const std::vector<std::optional<Bytes>> bodies = store_.blocksBytes(request.hashes);  // one round trip
    for (size_t i = 0; i < request.hashes.size(); ++i) {
        const Hash256& h = request.hashes[i];
        const std::optional<Bytes>& bytes = bodies[i];
        cost += limits_.storeReadBytes + (bytes ? double(bytes->size()) : 0);
        const auto block = bytes ? Block::parse(*bytes) : std::nullopt;
        if (!block) {
            missing.hashes.push_back(h);
            continue;
        }
        BlockMessage answer;
        answer.block = *bytes;
        if (block->photoHash) {
            answer.photo = store_.photo(*block->photoHash).value_or(Bytes{});
            cost += limits_.storeReadBytes + double(answer.photo.size());
        }
        channel_.send(peer, answer);
        if (blockServed_) blockServed_(peer, h);
    }
    if (!missing.hashes.empty()) channel_.send(peer, missing);
    return cost;
}

void BlockServer::onGetPhoto(PeerId peer, const GetPhoto& request)
{
    serveWithinBudget(peer, "getphoto", [this, peer, request] { return servePhoto(peer, request); });
}

double BlockServer::servePhoto(PeerId peer, const GetPhoto& request)
{
    const auto photo = store_.photo(request.hash);
    if (photo) channel_.send(peer, PhotoMessage{request.hash, *photo});
    else channel_.send(peer, NotFound{{request.hash}});
    return limits_.storeReadBytes + (photo ? double(photo->size()) : 0);
}

} // namespace pb::net

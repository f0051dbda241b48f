#include "core/net/PeerHeights.h"

namespace pb::net {

void PeerHeights::onGetHeaders(PeerId peer, const GetHeaders& request)
{
    // The locator runs from the peer's tip back: its first hash on our active chain is the
    // highest of our blocks it has (the one headersAfter answers from).
    for (const Hash256& hash : request.locator) {
        if (const auto height = chain_.activeHeightOf(hash)) {
            sync_.notePeerHeight(peer, *height);
            return;
        }
    }
}

void PeerHeights::noteActive(PeerId peer, const Hash256& block)
{
    if (const auto height = chain_.activeHeightOf(block)) sync_.notePeerHeight(peer, *height);
}

} // namespace pb::net

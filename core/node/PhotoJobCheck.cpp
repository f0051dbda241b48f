#include "core/node/PhotoJobCheck.h"

#include "core/crypto/Address.h"
#include "core/util/ImageFormat.h"

namespace pb {

PhotoJobRules photoJobRules(const NodeSnapshot& snapshot)
{
    return {snapshot.recognizerLabels, snapshot.recognizerProblem, size_t(snapshot.status.maxPhotoBytes)};
}

PhotoJobProblem checkJobPhoto(const QByteArray& photo, size_t maxPhotoBytes)
{
    if (photo.isEmpty()) return {PhotoJobProblem::EmptyPhoto, "the photo is empty"};
    if (size_t(photo.size()) > maxPhotoBytes)
        return {PhotoJobProblem::PhotoTooLarge,
                QString("the photo has %1 bytes; at most %2 are accepted").arg(photo.size()).arg(maxPhotoBytes)};
    if (!sniffImageFormat(photo)) return {PhotoJobProblem::NotJpegOrPng, "the photo is neither JPEG nor PNG"};
    return {};
}

PhotoJobProblem checkPhotoJob(const PhotoJobRequest& request, const PhotoJobRules& rules)
{
    if (rules.labels.isEmpty())
        return {PhotoJobProblem::CannotMine, rules.recognizerProblem.isEmpty() ? "this node cannot mine photos" : rules.recognizerProblem};
    if (!rules.labels.contains(request.label))
        return {PhotoJobProblem::UnknownLabel,
                QString("label '%1' is not one the recognizer knows (%2)").arg(request.label.left(40), rules.labels.join(", "))};
    if (request.vote != "agree" && request.vote != "disagree" && request.vote != "abstain")
        return {PhotoJobProblem::BadVote, QString("vote '%1' is not agree, disagree or abstain").arg(request.vote.left(40))};
    if (!request.rewardAddress.isEmpty() && !crypto::decodeAddress(request.rewardAddress.toStdString()))
        return {PhotoJobProblem::BadRewardAddress,
                QString("'%1' is not a valid Photoblocks address").arg(request.rewardAddress.left(100))};
    return checkJobPhoto(request.photo, rules.maxPhotoBytes);
}

} // namespace pb

#include "core/storage/RedisJobStore.h"

#include "core/chain/ChainStore.h"

namespace pb::storage {

namespace {

const std::vector<std::string> kFields = {"state", "photo", "label", "vote", "reward", "source",
                                          "detail", "block", "created", "updated"};

} // namespace

RedisJobStore::RedisJobStore(RedisClient& redis, const std::string& network)
    : redis_(redis), prefix_("pb:" + network + ":v1:")
{
}

RedisReply RedisJobStore::run(const std::vector<std::string>& args, const char* what)
{
    RedisReply r = redis_.command(args);
    if (r.isError()) throw StoreError(std::string(what) + " failed: " + r.str());
    return r;
}

void RedisJobStore::save(const PhotoJob& job)
{
    const std::string id = job.id.toStdString();
    const std::vector<std::string> values = {jobStateName(job.state).toStdString(), job.photoHash.toStdString(),
                                             job.label.toStdString(), job.vote.toStdString(),
                                             job.rewardAddress.toStdString(), job.source.toStdString(),
                                             job.detail.toStdString(), job.blockHash.toStdString(),
                                             std::to_string(job.createdAt), std::to_string(job.updatedAt)};
    RedisClient::Command set = {"HSET", key("job:" + id)};
    for (size_t i = 0; i < kFields.size(); ++i) {
        set.push_back(kFields[i]);
        set.push_back(values[i]);
    }
    RedisReply r = redis_.transaction({set, {"ZADD", key("jobs"), std::to_string(job.createdAt), id}});
    if (!r.isArray()) throw StoreError("saving mining job " + id + " failed: " + r.str());
}

std::vector<PhotoJob> RedisJobStore::all(QStringList* skipped)
{
    std::vector<PhotoJob> jobs;
    const RedisReply ids = run({"ZRANGE", key("jobs"), "0", "-1"}, "listing mining jobs");
    for (const RedisReply& idReply : ids.elements()) {
        const std::string id = idReply.str();
        std::vector<std::string> read = {"HMGET", key("job:" + id)};
        read.insert(read.end(), kFields.begin(), kFields.end());
        const RedisReply r = run(read, "reading a mining job");
        const auto& f = r.elements();
        const auto state = f.size() == kFields.size() && !f[0].isNil() ? jobStateFromName(QString::fromStdString(f[0].str()))
                                                                       : std::nullopt;
        bool createdOk = false, updatedOk = false;
        PhotoJob job;
        if (state) {
            job.id = QString::fromStdString(id);
            job.state = *state;
            job.photoHash = QString::fromStdString(f[1].str());
            job.label = QString::fromStdString(f[2].str());
            job.vote = QString::fromStdString(f[3].str());
            job.rewardAddress = QString::fromStdString(f[4].str());
            job.source = QString::fromStdString(f[5].str());
            job.detail = QString::fromStdString(f[6].str());
            job.blockHash = QString::fromStdString(f[7].str());
            job.createdAt = QString::fromStdString(f[8].str()).toLongLong(&createdOk);
            job.updatedAt = QString::fromStdString(f[9].str()).toLongLong(&updatedOk);
        }
        if (!state || !createdOk || !updatedOk || job.photoHash.size() != 64) {
            if (skipped) skipped->append(QString::fromStdString(id));
            continue;
        }
        jobs.push_back(job);
    }
    return jobs;
}

void RedisJobStore::remove(const QStringList& ids)
{
    std::vector<RedisClient::Command> commands;
    for (const QString& id : ids) {
        commands.push_back({"DEL", key("job:" + id.toStdString())});
        commands.push_back({"ZREM", key("jobs"), id.toStdString()});
    }
    if (!commands.empty()) redis_.transaction(commands);
}

} // namespace pb::storage

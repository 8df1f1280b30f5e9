#include "pos/batch_writer.hpp"

#include "store/buyer_rule.hpp"

namespace footfall::data::pos_import {

void BatchWriter::add(Transaction t) {
  ++transactions_;
  if (preview_.size() < ImportResult::preview_size) {
    preview_.push_back(t);
    if (preview_.size() == ImportResult::preview_size) announce_preview();
  }
  if (counts_in_net(t.kind)) net_sales_ += t.total;  // the buyer rule's net sales
  if (blocked()) return;                             // nothing will be written anyway
  batch_.push_back(std::move(t));
  if (batch_.size() >= batch_size) write_batch();
}

void BatchWriter::write_batch() {
  if (blocked() || !refusal_.empty()) return;
  // The import's one transaction is rolled back whole on any failure: no savepoint per batch.
  changed_ += store_.bulk_upsert_transactions(batch_);
  batch_.clear();
}

void BatchWriter::refuse(std::string reason, ImportFailure failure) {
  if (refusal_.empty()) {
    refusal_ = std::move(reason);
    refusal_failure_ = failure;
  }
  batch_.clear();
}

void BatchWriter::announce_preview() {
  if (preview_announced_ || !options_.on_preview) return;
  preview_announced_ = true;
  options_.on_preview(profile_name_, preview_);
}

}  // namespace footfall::data::pos_import

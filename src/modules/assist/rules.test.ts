// The auto-answer rules, the Chinese tokenizer, BM25 ranking and the classifier, without a database.
import { describe, expect, it } from 'vitest';
import { NaiveBayes } from './classifier.js';
import { Bm25Index } from './retrieval.js';
import { autoAnswerDecision, autoAnswerRates, type AutoAnswerSituation } from './rules.js';
import { terms } from './text.js';

const confident = { entryId: 'faq-1', posterior: 0.97, coverage: 0.6, agrees: true };
const waiting: AutoAnswerSituation = {
  waiting: true,
  humanJoined: false,
  handedOver: false,
  problemType: 'return_exchange',
  match: confident,
  answeredEntryIds: new Set(),
};

describe('auto-answer decision', () => {
  it('answers a confident match while the chat waits for a person', () => {
    expect(autoAnswerDecision(waiting)).toEqual({ answer: true, entryId: 'faq-1' });
  });
  it('stays silent below the threshold: low posterior, low coverage, or BM25 and intent disagreeing', () => {
    for (const match of [
      { ...confident, posterior: 0.79 },
      { ...confident, coverage: 0.29 },
      { ...confident, agrees: false },
    ]) {
      expect(autoAnswerDecision({ ...waiting, match })).toEqual({ answer: false, reason: 'below_threshold' });
    }
    expect(autoAnswerDecision({ ...waiting, match: null })).toEqual({ answer: false, reason: 'no_match' });
  });
  it('never answers after a human joined, to a complaint, after a hand-over, or twice the same entry', () => {
    expect(autoAnswerDecision({ ...waiting, humanJoined: true })).toMatchObject({ reason: 'human_joined' });
    expect(autoAnswerDecision({ ...waiting, problemType: 'complaint' })).toMatchObject({
      reason: 'complaint',
    });
    expect(autoAnswerDecision({ ...waiting, handedOver: true })).toMatchObject({ reason: 'handed_over' });
    expect(autoAnswerDecision({ ...waiting, answeredEntryIds: new Set(['faq-1']) })).toMatchObject({
      reason: 'repeat',
    });
    expect(autoAnswerDecision({ ...waiting, waiting: false })).toMatchObject({ reason: 'not_waiting' });
  });
  it('rates: answered chats over opened chats, hand-overs over auto-answers, zero when nothing happened', () => {
    expect(
      autoAnswerRates({ conversations: 10, answered: 4, autoAnswers: 5, handedOver: 1, solved: 3 }),
    ).toEqual({
      answerRate: 0.4,
      handOverRate: 0.2,
      solvedRate: 0.6,
    });
    expect(
      autoAnswerRates({ conversations: 0, answered: 0, autoAnswers: 0, handedOver: 0, solved: 0 }),
    ).toEqual({
      answerRate: 0,
      handOverRate: 0,
      solvedRate: 0,
    });
  });
});

describe('terms for Chinese without spaces and English', () => {
  it('makes characters and bigrams of Chinese, words of English, one term of an order number', () => {
    expect(terms('退货运费')).toEqual(['退', '退货', '货', '货运', '运', '运费', '费']);
    expect(terms('iPhone 15壳 订单2024031588812')).toEqual([
      'iphone',
      '15',
      '壳',
      '订',
      '订单',
      '单',
      '#number',
    ]);
  });
  it('treats full-width letters and digits like half-width ones', () => {
    expect(terms('ＸＬ码')).toEqual(terms('XL码'));
  });
});

describe('BM25 ranking', () => {
  const index = new Bm25Index([
    { id: 'return', phrasings: ['如何申请退货', '不想要了能退吗'], body: '签收后7天内可申请无理由退货' },
    { id: 'invoice', phrasings: ['怎么开发票', 'invoice'], body: '订单详情里申请开票' },
    { id: 'ship', phrasings: ['什么时候发货'], body: '当天16点前付款当天发出' },
  ]);
  it('ranks the entry whose phrasing shares the most of the question first', () => {
    expect(index.search('买的衣服不想要了 可以退吗', 3)[0]?.id).toBe('return');
    expect(index.search('发票怎么开', 3)[0]?.id).toBe('invoice');
    expect(index.search('how to get an invoice', 3)[0]?.id).toBe('invoice');
  });
  it('finds nothing for text it shares no term with', () => {
    expect(index.search('hello', 3)).toEqual([]);
  });
});

describe('naive Bayes', () => {
  it('learns from weighted examples: a heavier correction wins a tie', () => {
    const model = new NaiveBayes([
      { text: '快递到哪了', label: 'shipping' },
      { text: '包装袋能换吗', label: 'return_exchange' },
      { text: '包装袋能换吗', label: 'other', weight: 8 },
    ]);
    expect(model.predict('包装袋可以换环保的吗')?.label).toBe('other');
  });
});

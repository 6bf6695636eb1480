/** The Q&A feature's buttons: answer one workshop question or topic by id. */
import { declareActions } from './declare';

export const QNA_ACTIONS = declareActions('qna', { question: 'qna.question' });

// The checks of the other Kruise kinds against test/testdata/kinds: each document names what
// they must report.
import { checkKruiseKinds } from '../../src/validate/kinds/index.js';
import { describeAnnotatedFixtures } from '../support/annotated-fixtures.js';

describeAnnotatedFixtures('kind checks', 'test/testdata/kinds', checkKruiseKinds);

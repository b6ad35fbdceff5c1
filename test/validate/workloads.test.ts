// The workload checks against test/testdata/workloads: each document names what they must report.
import { checkWorkloads } from '../../src/validate/workloads/index.js';
import { describeAnnotatedFixtures } from '../support/annotated-fixtures.js';

describeAnnotatedFixtures('workload checks', 'test/testdata/workloads', checkWorkloads);

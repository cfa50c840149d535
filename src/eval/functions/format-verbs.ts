import { convert } from '../convert.js';
import { BoolType, NumberType, StringType, type Type } from '../value-types.js';

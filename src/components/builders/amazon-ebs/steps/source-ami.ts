import { DescribeImagesCommand, type DescribeImagesCommandInput, type Image } from '@aws-sdk/client-ec2';
import type { Step } from '../../../../core/step.js';
import { awsErrorMessage } from '../../../common/amazon/errors.js';
import { currentBuildInfo, generatedData, stepError, type EbsState, type EbsStepContext } from '../state.js';
import { ec2Filters } from './filters.js';

/*
 * StepSourceAMIInfo: finds the source AMI by ID and/or source_ami_filter
 * (filters, owners, most_recent, include_deprecated) and checks it can take
 * enhanced networking when ena_support or sriov_support ask for it.
 */

export function stepSourceAmi(ctx: EbsStepContext): Step<EbsState> {
  const { config: c } = ctx;
  return {
    name: 'StepSourceAMIInfo',
    async run(state, signal) {
      const filter = c.source_ami_filter;
      const input: DescribeImagesCommandInput = {
        IncludeDeprecated: filter?.include_deprecated ?? false,
        ...(c.source_ami ? { ImageIds: [c.source_ami] } : {}),
        ...(Object.keys(filter?.filters ?? {}).length > 0 ? { Filters: ec2Filters(filter?.filters ?? {}) } : {}),
        ...((filter?.owners ?? []).length > 0 ? { Owners: filter?.owners } : {}),
      };
      let images: Image[];
      try {
        images = (await ctx.session.ec2().send(new DescribeImagesCommand(input), { abortSignal: signal })).Images ?? [];
      } catch (error) {
        if (signal.aborted) throw error;
        throw stepError(ctx, `Error querying AMI: ${awsErrorMessage(error)}`, error);
      }
      if (images.length === 0) throw stepError(ctx, `No AMI was found matching filters: ${describeInput(input)}`);
      if (images.length > 1 && !filter?.most_recent) {
        throw stepError(
          ctx,
          'Your query returned more than one result. Please try a more specific search, or set most_recent to true.',
        );
      }
      const image = filter?.most_recent ? mostRecent(images) : (images[0] as Image);
      ctx.builder.ui.message(`Found Image ID: ${image.ImageId ?? ''}`);
      if (c.ena_support === true || c.sriov_support === true) {
        const problem = enhancedNetworkingProblem(c.ami_virtualization_type ?? '', image, c.source_ami ?? '');
        if (problem) throw stepError(ctx, problem);
      }
      state.sourceImage = image;
      state.generated = { ...state.generated, ...generatedData(currentBuildInfo(ctx, state)) };
      return 'continue';
    },
  };
}

/** The newest image by CreationDate (a stable sort keeps the first of equals last, as Go's sort.Sort may not). */
export function mostRecent(images: readonly Image[]): Image {
  const time = (i: Image) => Math.floor((Date.parse(i.CreationDate ?? '') || 0) / 1000);
  return [...images].sort((a, b) => time(a) - time(b))[images.length - 1] as Image;
}

function enhancedNetworkingProblem(virtType: string, image: Image, sourceAmi: string): string | undefined {
  if (virtType === 'hvm') return undefined;
  if (virtType !== '') return `Cannot enable enhanced networking, AMIVirtType '${virtType}' is not HVM`;
  if (image.VirtualizationType !== 'hvm') {
    return `Cannot enable enhanced networking, source AMI '${sourceAmi}' is not HVM`;
  }
  return undefined;
}

/** The query, readable in the "no AMI" error (Go prints the input struct). */
function describeInput(input: DescribeImagesCommandInput): string {
  return JSON.stringify(input);
}

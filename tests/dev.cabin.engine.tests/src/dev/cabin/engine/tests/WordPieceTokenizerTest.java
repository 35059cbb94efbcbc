package dev.cabin.engine.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.nlu.Language;

/**
 * The Java tokenizer gives the models the token ids that Hugging Face's tokenizer (DJL 0.31.1, through
 * LangChain4j) gave them, which the models were trained with and the IRs' classifiers were trained on. The
 * expected ids are what that tokenizer printed for each sentence.
 */
class WordPieceTokenizerTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			en | would you mind turning the fan on | 101 2052 2017 2568 3810 1996 5470 2006 102
			en | what's the weather like in São Paulo? | 101 2054 1005 1055 1996 4633 2066 1999 7509 9094 1029 102
			en | set the temperature to 21.5 degrees, please! | 101 2275 1996 4860 2000 2538 1012 1019 5445 1010 3531 999 102
			en | Crème brûlée at the CAFÉ | 101 13675 21382 7987 9307 2063 2012 1996 7668 102
			en | supercalifragilisticexpialidocious | 101 3565 9289 10128 29181 24411 4588 10288 19312 21273 10085 6313 102
			en | 打开空调 and play jazz | 101 100 100 1930 100 1998 2377 4166 102
			en | is [UNK] a [MASK]? | 101 2003 100 1037 103 1029 102
			zh | 把温度调到二十二度 | 101 2828 3946 2428 6444 1168 753 1282 753 2428 102
			zh | 打开车窗，然后播放音乐！ | 101 2802 2458 6756 4970 8024 4197 1400 3064 3123 7509 727 8013 102
			zh | 今天北京天气怎么样？ | 101 791 1921 1266 776 1921 3698 2582 720 3416 8043 102
			zh | 导航到 Starbucks 咖啡店 | 101 2193 5661 1168 100 1476 1565 2421 102
			zh | 音量调到50% | 101 7509 7030 6444 1168 8145 110 102
			""")
	void givesTheIdsOfHuggingFacesTokenizer(String language, String sentence, String expectedIds) {
		long[] ids = OnnxModels.tokenizer(Language.ofCode(language)).ids(sentence);

		assertArrayEquals(Arrays.stream(expectedIds.split(" ")).mapToLong(Long::parseLong).toArray(), ids, sentence);
	}

	@Test
	void anIdeographicSpaceSeparatesWordsAndAZeroWidthSpaceIsDropped() {
		long[] ids = OnnxModels.tokenizer(Language.EN).ids("ｆｕｌｌｗｉｄｔｈ\u3000ｔｅｘｔ\u200b");

		assertArrayEquals(new long[] { 101, 100, 100, 102 }, ids);
	}

	@Test
	void aTextLongerThanTheModelReadsIsCutTo512Tokens() {
		long[] ids = OnnxModels.tokenizer(Language.EN).ids("turn on the fan ".repeat(200));

		assertEquals(512, ids.length);
		assertArrayEquals(new long[] { 101, 2735 }, Arrays.copyOfRange(ids, 0, 2));
		assertArrayEquals(new long[] { 2006, 102 }, Arrays.copyOfRange(ids, 510, 512));
	}
}
